using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>
/// The target group's 5xx rate and average latency over the bake window (CloudWatch). No data is not a pass:
/// too few requests or a missing figure makes the gate inconclusive.
/// </summary>
internal sealed class MetricsGate(string name, Func<TargetGroupMetrics, GateThresholds, (bool Known, bool Passes, string Detail)> judge) : IGate
{
    public static MetricsGate ErrorRate { get; } = new("5xx-rate", (m, t) =>
        m.Http5xxCount is { } errors && m.RequestCount is { } requests and > 0
            ? (true, (double)errors / requests <= t.Max5xxRate, string.Create(CultureInfo.InvariantCulture, $"{errors} 5xx in {requests} requests ({100.0 * errors / requests:0.##}%, limit {t.Max5xxRate * 100:0.##}%)"))
            : (false, false, "no 5xx count from CloudWatch"));

    public static MetricsGate Latency { get; } = new("latency", (m, t) =>
        m.AverageResponseSeconds is { } seconds
            ? (true, seconds <= t.MaxLatency.TotalSeconds, string.Create(CultureInfo.InvariantCulture, $"average {seconds * 1000:F0} ms (limit {t.MaxLatency.TotalMilliseconds:F0} ms)"))
            : (false, false, "no response time from CloudWatch"));

    public string Name => name;

    public async Task<GateResult> JudgeAsync(RotationRun run, DateTimeOffset windowStart)
    {
        var outputs = run.Outputs!;
        var query = new TargetGroupMetricsQuery(outputs.LoadBalancerArn, run.TargetOutputs.TargetGroupArn, windowStart, run.Clock.GetUtcNow());
        var metrics = await run.Ports.Metrics.GetTargetGroupMetricsAsync(query, run.CancellationToken).ConfigureAwait(false);
        var thresholds = run.Plan.Options.Thresholds;
        if ((metrics.RequestCount ?? 0) < thresholds.MinRequests)
        {
            return new(Name, GateVerdict.Inconclusive, $"{metrics.RequestCount ?? 0} requests reached {run.Target.Key()} in the window (need {thresholds.MinRequests})");
        }

        var (known, passes, detail) = judge(metrics, thresholds);
        return new(Name, !known ? GateVerdict.Inconclusive : passes ? GateVerdict.Successful : GateVerdict.Failed, detail);
    }
}
