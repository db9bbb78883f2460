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
internal sealed class MetricsGate(GateSpec defaults, Func<TargetGroupMetrics, long, double, (GateVerdict Verdict, string Detail)> judge, Func<double, string> threshold, Func<GateSpec, RotationPlan, string> rule) : IGate
{
    /// <summary>No requests is never a pass; --min-requests raises the bar for every metrics gate.</summary>
    private const long MinRequests = 1;

    private const int ErrorLimit = 3;

    public static MetricsGate ErrorRate { get; } = new(
        new("5xx-rate", Threshold: 0.01, ErrorLimit, GateTiming.EveryBakeTick, MinRequests),
        (m, requests, max) => Rate(m.Http5xxCount ?? 0, requests, max, "5xx from the targets"),
        Percent,
        (spec, plan) => string.Create(CultureInfo.InvariantCulture, $"{plan.Target.Key()} target 5xx / requests <= {Percent(spec.Threshold.GetValueOrDefault())} (a 5xx count CloudWatch does not report is 0; {TooFew(spec)} = inconclusive)"));

    /// <summary>
    /// 502/503/504 the ALB answers itself (a target that resets, times out or is missing) are not target 5xx.
    /// CloudWatch publishes them for the whole load balancer only, so they are judged against all its requests:
    /// while blue still serves, blue's share counts too (a rollback to blue then loses nothing), and green's share
    /// is diluted by its weight; the target gates are what catch green early.
    /// </summary>
    public static MetricsGate LoadBalancerErrorRate { get; } = new(
        new("alb-5xx-rate", Threshold: 0.01, ErrorLimit, GateTiming.EveryBakeTick, MinRequests),
        (m, _, max) => m.LoadBalancerRequestCount is { } all and > 0
            ? Rate(m.LoadBalancer5xxCount ?? 0, all, max, "5xx from the load balancer itself (whole ALB)")
            : (GateVerdict.Inconclusive, "no request count for the whole load balancer from CloudWatch"),
        Percent,
        (spec, plan) => $"5xx the ALB answers itself (502/503/504) / its requests <= {Percent(spec.Threshold.GetValueOrDefault())}, whole ALB ({plan.Source.Key()}'s share counts too)");

    /// <summary>Threshold: the highest average target response time, in seconds.</summary>
    public static MetricsGate Latency { get; } = new(
        new("latency", Threshold: 1.0, ErrorLimit, GateTiming.AfterBake, MinRequests),
        (m, _, max) => m.AverageResponseSeconds is { } seconds
            ? (seconds <= max ? GateVerdict.Successful : GateVerdict.Failed, string.Create(CultureInfo.InvariantCulture, $"average {seconds * 1000:F0} ms (limit {max * 1000:F0} ms)"))
            : (GateVerdict.Inconclusive, "no response time from CloudWatch"),
        Milliseconds,
        (spec, plan) => $"{plan.Target.Key()} average response time <= {Milliseconds(spec.Threshold.GetValueOrDefault())}");

    public string Name => defaults.Name;

    public GateSpec Default => defaults;

    public string Describe(RotationPlan plan) => $"{Name}: cloudwatch:GetMetricData for {plan.Target.Key()}'s target group over the bake's complete 1-minute periods";

    public string? Threshold(GateSpec spec) => Filled(spec).Threshold is { } value ? threshold(value) : null;

    public string Rule(GateSpec spec, RotationPlan plan) => rule(Filled(spec), plan);

    public async Task<GateResult> JudgeAsync(RotationRun run, StackObservation observed, GateSpec spec, DateTimeOffset windowStart)
    {
        var limits = Filled(spec);
        if (MetricsWindow.Of(windowStart, run.Clock.GetUtcNow()) is not { } window)
        {
            return new(Name, GateVerdict.Inconclusive, "no complete 1-minute period has reached CloudWatch since the window started");
        }

        var query = new TargetGroupMetricsQuery(observed.Outputs.LoadBalancerArn, observed.Target.TargetGroupArn, window.From, window.To);
        var metrics = await run.Ports.Metrics.GetTargetGroupMetricsAsync(query, run.CancellationToken).ConfigureAwait(false);
        var requests = metrics.RequestCount ?? 0;
        var needed = Math.Max(MinRequests, limits.MinRequests.GetValueOrDefault());
        if (requests < needed)
        {
            return new(Name, GateVerdict.Inconclusive, $"{requests} requests reached {run.Target.Key()} in {Periods(window)} (need {needed})");
        }

        var (verdict, detail) = judge(metrics, requests, limits.Threshold.GetValueOrDefault());
        return new(Name, verdict, $"{detail} in {Periods(window)}");
    }

    /// <summary>A spec with a missing threshold or minimum (an edited record) takes this gate's defaults for them, never 0.</summary>
    private GateSpec Filled(GateSpec spec) =>
        spec with { Threshold = spec.Threshold ?? defaults.Threshold, MinRequests = spec.MinRequests ?? defaults.MinRequests };

    private static (GateVerdict, string) Rate(long errors, long requests, double max, string what) =>
        ((double)errors / requests <= max ? GateVerdict.Successful : GateVerdict.Failed,
            string.Create(CultureInfo.InvariantCulture, $"{errors} {what} in {requests} requests ({100.0 * errors / requests:0.##}%, limit {max * 100:0.##}%)"));

    private static string Percent(double fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100:0.##}%");

    private static string Milliseconds(double seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1000:F0} ms");

    private static string TooFew(GateSpec spec) =>
        spec.MinRequests is null or <= 1 ? "no requests" : string.Create(CultureInfo.InvariantCulture, $"fewer than {spec.MinRequests} requests");

    private static string Periods((DateTimeOffset From, DateTimeOffset To) window) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)((window.To - window.From) / MetricsWindow.Period)} complete minute(s) {window.From:HH:mm}-{window.To:HH:mm} UTC");
}

/// <summary>The metrics gates come after target health and before the HSM probe, errors before latency.</summary>
public static partial class GateCatalogue
{
    internal static readonly IGate ErrorRateRegistration = Register(20, MetricsGate.ErrorRate);

    internal static readonly IGate LoadBalancerErrorRateRegistration = Register(30, MetricsGate.LoadBalancerErrorRate);

    internal static readonly IGate LatencyRegistration = Register(40, MetricsGate.Latency);
}
