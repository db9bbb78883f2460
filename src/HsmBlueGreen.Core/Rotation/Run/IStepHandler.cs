using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// Reconciles one step: <see cref="IsDoneAsync"/> reads AWS and changes nothing (dry runs and resumes rely on it);
/// <see cref="ApplyAsync"/> acts only on the difference. Both work on the <see cref="Observation"/> preflight returned:
/// a handler cannot be called before preflight has read the stack and derived the tokens.
/// </summary>
internal interface IStepHandler
{
    Task<bool> IsDoneAsync(RotationRun run, Observation observed);

    Task<StepResult> ApplyAsync(RotationRun run, Observation observed);

    /// <summary>What the step reads and changes, with the AWS calls behind it: the plan prints it, the run titles the step with it.</summary>
    StepText Describe(RotationPlan plan);
}
