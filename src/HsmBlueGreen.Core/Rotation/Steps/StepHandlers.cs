using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>Maps each step record to the handler that reconciles it.</summary>
internal static class StepHandlers
{
    public static IStepHandler For(RotationStep step) => step switch
    {
        RotationStep.Quiesce => new QuiesceStep(),
        RotationStep.SeedSecret => new SeedSecretStep(),
        RotationStep.CreatePending => new CreatePendingStep(),
        RotationStep.SetPassword => new SetPasswordStep(),
        RotationStep.VerifyPassword => new VerifyPasswordStep(),
        RotationStep.PromoteSecret => new PromoteSecretStep(),
        RotationStep.StartTarget start => new StartTargetStep(start.ClientCount),
        RotationStep.SmokeCheck smoke => new SmokeCheckStep(smoke.Path),
        RotationStep.SetWeight set => new SetWeightStep(set),
        RotationStep.Bake bake => new BakeStep(bake),
        RotationStep.Judge judge => new JudgeStep(judge),
        RotationStep.Pause pause => new PauseStep(pause),
        _ => throw new ArgumentOutOfRangeException(nameof(step), step, "preflight and finish are run by the runner itself"),
    };
}
