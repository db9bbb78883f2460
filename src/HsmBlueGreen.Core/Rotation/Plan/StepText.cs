using HsmBlueGreen.Core.Rotation.Steps;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Plan;

/// <summary>What a step reads and changes, with the AWS API calls behind it: the plan prints it, runs title their steps with it.</summary>
public sealed record StepText(string Title, IReadOnlyList<string> Reads, IReadOnlyList<string> Changes, string? Operator = null)
{
    public static string TitleOf(RotationStep step, RotationPlan plan) => For(step, plan).Title;

    /// <summary>The strategy describes the steps it shapes itself (preflight, finish, an in-place quiesce); each other step's handler describes its own calls.</summary>
    public static StepText For(RotationStep step, RotationPlan plan) =>
        plan.Strategy.Describe(step, plan) ?? StepHandlers.For(step).Describe(plan);

    /// <summary>Preflight of a strategy with two slots: the common reads, with the strategy's own before and after them.</summary>
    public static StepText TwoSlotPreflight(RotationPlan plan, IEnumerable<string> before, IEnumerable<string> after)
    {
        var (s, t) = (plan.Source.Key(), plan.Target.Key());
        return new(
            PreflightTitle,
            [.. before, "sts:GetCallerIdentity", "stack outputs (pulumi stack output)", $"cloudhsmv2:DescribeClusters for {s} and {t}: ACTIVE, every HSM ACTIVE, hsmSubnets inside a read cluster's subnet mapping", "elbv2:DescribeListeners: weights must be " + $"{s} 100 / {t} 0", $"elbv2:DescribeTargetHealth on {s} (the rollback target must be healthy)", $"secretsmanager:DescribeSecret on both secrets (AWSPENDING on {t}'s means a run to resume)", .. after],
            RunBookkeeping(t));
    }

    /// <summary>Preflight changes nothing of the environment; once its checks pass, the run takes its lock and starts its record.</summary>
    public const string PreflightTitle = "Check the environment, then take the lock and start the run record";

    /// <summary>What every run keeps on the rotated slot's secret tags: the lease and the run record.</summary>
    public static IReadOnlyList<string> RunBookkeeping(string slot) =>
    [
        $"lock:acquire on {slot}'s secret tags, renewed after every step (lock:release when the run ends)",
        $"record:write: the run record (options, steps, current step, pause) on {slot}'s secret tags, at every step",
    ];
}
