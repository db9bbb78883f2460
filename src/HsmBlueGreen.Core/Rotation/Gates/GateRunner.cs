using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>
/// Judges a weight step's gates (<see cref="GateCatalogue"/>) in order, each under its own <see cref="GateSpec"/>, and
/// returns at the first failure, so the rollback follows at once. An Error is retried up to the gate's limit of
/// consecutive errors, then counts as Inconclusive: no data, no verdict. During the bake only the gates judged on
/// every tick run (argo-rollouts' background analysis).
/// </summary>
internal static class GateRunner
{
    /// <summary>
    /// One bake tick: the first tick gate that fails, or null. Inconclusive and Error only mean "not yet" here
    /// (the period may not have reached CloudWatch); the full set after the bake decides on them.
    /// </summary>
    public static async Task<GateResult?> JudgeTickAsync(RotationRun run, StackObservation observed, DateTimeOffset windowStart)
    {
        foreach (var (gate, spec) in GateCatalogue.WithSpecs(run.Plan.Options).Where(g => g.Spec.Judged == GateTiming.EveryBakeTick))
        {
            var result = await gate.JudgeAsync(run, observed, spec, windowStart).ConfigureAwait(false);
            if (result.Verdict == GateVerdict.Failed)
            {
                run.Record(EventKinds.Gate, $"{result.Gate}: {result.Verdict} during the bake - {result.Detail}", new Dictionary<string, string> { ["gate"] = result.Gate, ["verdict"] = result.Verdict.ToString() });
                return result;
            }
        }

        return null;
    }

    public static async Task<GateResult> JudgeAsync(RotationRun run, StackObservation observed, DateTimeOffset windowStart)
    {
        GateResult? inconclusive = null;
        foreach (var (gate, spec) in GateCatalogue.WithSpecs(run.Plan.Options))
        {
            var result = await JudgeWithRetriesAsync(run, observed, gate, spec, windowStart).ConfigureAwait(false);
            run.Record(EventKinds.Gate, $"{result.Gate}: {result.Verdict} - {result.Detail}", new Dictionary<string, string> { ["gate"] = result.Gate, ["verdict"] = result.Verdict.ToString() });
            if (result.Verdict == GateVerdict.Failed)
            {
                return result;
            }

            inconclusive ??= result.Verdict == GateVerdict.Inconclusive ? result : null;
        }

        return inconclusive ?? new GateResult("all", GateVerdict.Successful, "every gate passed");
    }

    private static async Task<GateResult> JudgeWithRetriesAsync(RotationRun run, StackObservation observed, IGate gate, GateSpec spec, DateTimeOffset windowStart)
    {
        var limit = Math.Max(1, spec.ConsecutiveErrorLimit);
        for (var attempt = 1; ; attempt++)
        {
            var result = await gate.JudgeAsync(run, observed, spec, windowStart).ConfigureAwait(false);
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
