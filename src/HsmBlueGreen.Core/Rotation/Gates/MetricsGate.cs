using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>
/// The target group's figures from CloudWatch over the complete, arrived 1-minute periods of the bake window
/// (<see cref="MetricsWindow"/>). No requests is not a pass: a window without a complete period, or with fewer
/// requests than the minimum, is inconclusive. ALB publishes 5xx counts only when non-zero, so once requests were
/// counted a missing 5xx count is 0.
/// </summary>
internal sealed class MetricsGate(string name, Func<TargetGroupMetrics, long, GateThresholds, (GateVerdict Verdict, string Detail)> judge) : IGate
{
    public static MetricsGate ErrorRate { get; } = new("5xx-rate", (m, requests, t) =>
        Rate(m.Http5xxCount ?? 0, requests, t, "5xx from the targets"));

    /// <summary>
    /// 502/503/504 the ALB answers itself (a target that resets, times out or is missing) are not target 5xx.
    /// CloudWatch publishes them for the whole load balancer only, so they are judged against all its requests:
    /// while blue still serves, blue's share counts too (a rollback to blue then loses nothing), and green's share
    /// is diluted by its weight; the target gates are what catch green early.
    /// </summary>
    public static MetricsGate LoadBalancerErrorRate { get; } = new("alb-5xx-rate", (m, _, t) =>
        m.LoadBalancerRequestCount is { } all and > 0
            ? Rate(m.LoadBalancer5xxCount ?? 0, all, t, "5xx from the load balancer itself (whole ALB)")
            : (GateVerdict.Inconclusive, "no request count for the whole load balancer from CloudWatch"));

    public static MetricsGate Latency { get; } = new("latency", (m, _, t) =>
        m.AverageResponseSeconds is { } seconds
            ? (seconds <= t.MaxLatency.TotalSeconds ? GateVerdict.Successful : GateVerdict.Failed, string.Create(CultureInfo.InvariantCulture, $"average {seconds * 1000:F0} ms (limit {t.MaxLatency.TotalMilliseconds:F0} ms)"))
            : (GateVerdict.Inconclusive, "no response time from CloudWatch"));

    public string Name => name;

    public string Describe(RotationPlan plan) => $"{Name}: cloudwatch:GetMetricData for {plan.Target.Key()}'s target group over the bake's complete 1-minute periods";

    public async Task<GateResult> JudgeAsync(RotationRun run, DateTimeOffset windowStart)
    {
        if (MetricsWindow.Of(windowStart, run.Clock.GetUtcNow()) is not { } window)
        {
            return new(Name, GateVerdict.Inconclusive, "no complete 1-minute period has reached CloudWatch since the window started");
        }

        var query = new TargetGroupMetricsQuery(run.Outputs!.LoadBalancerArn, run.TargetOutputs.TargetGroupArn, window.From, window.To);
        var metrics = await run.Ports.Metrics.GetTargetGroupMetricsAsync(query, run.CancellationToken).ConfigureAwait(false);
        var thresholds = run.Plan.Options.Thresholds;
        var requests = metrics.RequestCount ?? 0;
        if (requests < thresholds.MinRequests || requests == 0)
        {
            return new(Name, GateVerdict.Inconclusive, $"{requests} requests reached {run.Target.Key()} in {Periods(window)} (need {thresholds.MinRequests})");
        }

        var (verdict, detail) = judge(metrics, requests, thresholds);
        return new(Name, verdict, $"{detail} in {Periods(window)}");
    }

    private static (GateVerdict, string) Rate(long errors, long requests, GateThresholds t, string what) =>
        ((double)errors / requests <= t.Max5xxRate ? GateVerdict.Successful : GateVerdict.Failed,
            string.Create(CultureInfo.InvariantCulture, $"{errors} {what} in {requests} requests ({100.0 * errors / requests:0.##}%, limit {t.Max5xxRate * 100:0.##}%)"));

    private static string Periods((DateTimeOffset From, DateTimeOffset To) window) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)((window.To - window.From) / MetricsWindow.Period)} complete minute(s) {window.From:HH:mm}-{window.To:HH:mm} UTC");
}
