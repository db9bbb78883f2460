using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// Reconciles one step: <see cref="IsDoneAsync"/> reads AWS and changes nothing (dry runs and resumes rely on it);
/// <see cref="ApplyAsync"/> acts only on the difference.
/// </summary>
internal interface IStepHandler
{
    Task<bool> IsDoneAsync(RotationRun run);

    Task<StepResult> ApplyAsync(RotationRun run);

    /// <summary>What the step reads and changes, with the AWS calls behind it: the plan prints it, the run titles the step with it.</summary>
    StepText Describe(RotationPlan plan);
}
