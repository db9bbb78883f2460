using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>Every target of the target slot's group healthy (ELBv2 DescribeTargetHealth).</summary>
internal sealed class TargetHealthGate : IGate
{
    public string Name => Default.Name;

    public GateSpec Default { get; } = new("targets-healthy", Threshold: null, ConsecutiveErrorLimit: 3, GateTiming.EveryBakeTick);

    public string Describe(RotationPlan plan) => $"{Name}: elbv2:DescribeTargetHealth on {plan.Target.Key()}, every target healthy";

    public string? Threshold(GateSpec spec) => null;

    public string Rule(GateSpec spec, RotationPlan plan) => $"every {plan.Target.Key()} target healthy (initial = inconclusive)";

    public async Task<GateResult> JudgeAsync(RotationRun run, StackObservation observed, GateSpec spec, DateTimeOffset windowStart)
    {
        var targets = await run.Ports.LoadBalancer.GetTargetHealthAsync(observed.Target.TargetGroupArn, run.CancellationToken).ConfigureAwait(false);
        var bad = targets.Where(t => t.State is not (TargetHealthState.Healthy or TargetHealthState.Initial)).ToList();
        if (targets.Count == 0)
        {
            return new(Name, GateVerdict.Failed, $"{run.Target.Key()} has no registered targets");
        }

        if (bad.Count > 0)
        {
            var list = string.Join(", ", bad.Select(t => $"{t.TargetId} {t.State}{(t.Reason is null ? string.Empty : $" ({t.Reason})")}"));
            return new(Name, GateVerdict.Failed, $"{bad.Count} of {targets.Count} {run.Target.Key()} targets not healthy: {list}");
        }

        var initial = targets.Count(t => t.State == TargetHealthState.Initial);
        return initial > 0
            ? new(Name, GateVerdict.Inconclusive, $"{initial} of {targets.Count} {run.Target.Key()} targets still in their first health checks")
            : new(Name, GateVerdict.Successful, $"{targets.Count}/{targets.Count} {run.Target.Key()} targets healthy");
    }
}

/// <summary>Judged first: a target that is not healthy makes every metric beside the point.</summary>
public static partial class GateCatalogue
{
    internal static readonly IGate TargetHealthRegistration = Register(10, new TargetHealthGate());
}
