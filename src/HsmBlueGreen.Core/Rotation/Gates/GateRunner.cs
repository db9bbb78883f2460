using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>
/// Judges a weight step's gates in order and returns at the first failure, so the rollback follows at once.
/// An Error is retried up to the limit of consecutive errors, then counts as Inconclusive: no data, no verdict.
/// During the bake only the fast gates are judged, on every tick (argo-rollouts' background analysis).
/// </summary>
internal static class GateRunner
{
    private static readonly IGate[] Fast = [new TargetHealthGate(), MetricsGate.ErrorRate, MetricsGate.LoadBalancerErrorRate];

    private static readonly IGate[] Gates = [.. Fast, MetricsGate.Latency, new HsmProbeGate()];

    public static IReadOnlyList<string> Names => Gates.Select(g => g.Name).ToList();

    public static IReadOnlyList<string> FastNames => Fast.Select(g => g.Name).ToList();

    /// <summary>Each gate with what it reads, as `plan` prints it under a weight step.</summary>
    public static IEnumerable<string> Describe(RotationPlan plan) => Gates.Select(g => g.Describe(plan));

    /// <summary>
    /// One bake tick: the first fast gate that fails, or null. Inconclusive and Error only mean "not yet" here
    /// (the period may not have reached CloudWatch); the full set after the bake decides on them.
    /// </summary>
    public static async Task<GateResult?> JudgeTickAsync(RotationRun run, DateTimeOffset windowStart)
    {
        foreach (var gate in Fast)
        {
            var result = await gate.JudgeAsync(run, windowStart).ConfigureAwait(false);
            if (result.Verdict == GateVerdict.Failed)
            {
                run.Record(EventKinds.Gate, $"{result.Gate}: {result.Verdict} during the bake - {result.Detail}", new Dictionary<string, string> { ["gate"] = result.Gate, ["verdict"] = result.Verdict.ToString() });
                return result;
            }
        }

        return null;
    }

    public static async Task<GateResult> JudgeAsync(RotationRun run, DateTimeOffset windowStart)
    {
        GateResult? inconclusive = null;
        foreach (var gate in Gates)
        {
            var result = await JudgeWithRetriesAsync(run, gate, windowStart).ConfigureAwait(false);
            run.Record(EventKinds.Gate, $"{result.Gate}: {result.Verdict} - {result.Detail}", new Dictionary<string, string> { ["gate"] = result.Gate, ["verdict"] = result.Verdict.ToString() });
            if (result.Verdict == GateVerdict.Failed)
            {
                return result;
            }

            inconclusive ??= result.Verdict == GateVerdict.Inconclusive ? result : null;
        }

        return inconclusive ?? new GateResult("all", GateVerdict.Successful, "every gate passed");
    }

    private static async Task<GateResult> JudgeWithRetriesAsync(RotationRun run, IGate gate, DateTimeOffset windowStart)
    {
        var limit = Math.Max(1, run.Plan.Options.MaxGateErrors);
        for (var attempt = 1; ; attempt++)
        {
            var result = await gate.JudgeAsync(run, windowStart).ConfigureAwait(false);
            if (result.Verdict != GateVerdict.Error)
            {
                return result;
            }

            if (attempt >= limit)
            {
                return result with { Verdict = GateVerdict.Inconclusive, Detail = $"{attempt} errors in a row, last: {result.Detail}" };
            }

            run.Record(EventKinds.Gate, $"{gate.Name}: error {attempt}/{limit} - {result.Detail}; retrying", new Dictionary<string, string> { ["gate"] = gate.Name, ["verdict"] = nameof(GateVerdict.Error) });
            await run.WaitAsync(run.Plan.Options.PollInterval).ConfigureAwait(false);
        }
    }
}
