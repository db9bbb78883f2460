using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation;

/// <summary>
/// The typical time of each step, on the plan's own figures (settle and judged bake per weight, the SSM commands,
/// instances stopping and starting), so a run can show an estimate of what is left as it goes.
/// </summary>
public static class StepEstimates
{
    public static TimeSpan Of(RotationStep step, RotationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return step switch
        {
            RotationStep.SetWeight => plan.Options.Settle,
            RotationStep.Bake bake => bake.Duration,
            RotationStep.Judge => plan.JudgedBake - plan.Options.Bake,
            RotationStep.Quiesce or RotationStep.StartTarget => RotationPlan.TypicalInstanceTime / 2,
            RotationStep.SetPassword or RotationStep.VerifyPassword => RotationPlan.SecretCommandsTime / 2,
            _ => TimeSpan.Zero,
        };
    }

    /// <summary>The step at <paramref name="index"/> and every one after it.</summary>
    public static TimeSpan From(int index, RotationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.Steps.Skip(index).Aggregate(TimeSpan.Zero, (sum, step) => sum + Of(step, plan));
    }
}
