using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>The runs of steps strategies share, so each strategy's step list reads as its flow.</summary>
internal static class StepLists
{
    /// <summary>The Secrets Manager rotation protocol on the target's secret, with the new password set on its cluster.</summary>
    public static IEnumerable<RotationStep> NewPassword() =>
    [
        new RotationStep.CreatePending(),
        new RotationStep.SetPassword(),
        new RotationStep.VerifyPassword(),
        new RotationStep.PromoteSecret(),
    ];

    /// <summary>The smoke check through the target's test route (when asked for), then per weight: set it, bake, judge, and pause where asked.</summary>
    public static IEnumerable<RotationStep> Shift(RotationPlan plan)
    {
        if (plan.Options.SmokePath is { } path)
        {
            yield return new RotationStep.SmokeCheck(path);
        }

        foreach (var percent in plan.Options.Steps.Percents)
        {
            yield return new RotationStep.SetWeight(percent);
            yield return new RotationStep.Bake(percent, plan.Options.Bake);
            yield return new RotationStep.Judge(percent, plan.Options.Bake);
            if (percent == plan.Options.PauseAt)
            {
                yield return new RotationStep.Pause(percent);
            }
        }
    }
}
