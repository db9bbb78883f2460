namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>When a gate is judged: on every bake tick (and again after the bake), or only once the bake is over.</summary>
public enum GateTiming
{
    EveryBakeTick,
    AfterBake,
}

/// <summary>
/// One gate's limits, as data the options and the run record carry and `plan` prints (argo-rollouts' AnalysisTemplate
/// metric: successCondition, consecutiveErrorLimit). <paramref name="Threshold"/> is in the gate's own unit (a fraction
/// for rates, seconds for latency) and null for gates with nothing to compare; <paramref name="ConsecutiveErrorLimit"/>
/// errors in a row (no verdict at all) count as inconclusive.
/// </summary>
/// <param name="MinRequests">Requests the target must serve in the window before a metrics gate judges; null for gates that read no metrics.</param>
public sealed record GateSpec(string Name, double? Threshold, int ConsecutiveErrorLimit, GateTiming Judged, long? MinRequests = null);
