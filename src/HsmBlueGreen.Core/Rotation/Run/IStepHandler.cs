namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// Reconciles one step: <see cref="IsDoneAsync"/> reads AWS and changes nothing (dry runs and resumes rely on it);
/// <see cref="ApplyAsync"/> acts only on the difference.
/// </summary>
internal interface IStepHandler
{
    Task<bool> IsDoneAsync(RotationRun run);

    Task<StepResult> ApplyAsync(RotationRun run);
}
