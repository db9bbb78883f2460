using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>
/// CloudWatch as an ALB feeds it: one data point per metric per 60-second period, reported only when non-zero
/// (no request, no 5xx: no data point), and only for periods that ended <see cref="ArrivalDelay"/> before the query.
/// The load balancer takes <see cref="RequestsPerMinute"/>, split between the slots by the listener's weights.
/// </summary>
public sealed class FakeMetrics(FakeAccount account) : IMetrics
{
    /// <summary>Assumed (no AWS page gives a figure): a period reaches CloudWatch 90 s after it ends.</summary>
    public static readonly TimeSpan ArrivalDelay = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    public long RequestsPerMinute { get; set; } = 1000;

    /// <summary>No request reaches the load balancer: CloudWatch has nothing for any metric.</summary>
    public bool NoData { get; set; }

    /// <summary>While the queried target group serves exactly this percentage, a quarter of its requests answer 5xx.</summary>
    public int? FailAtPercent { get; set; }

    /// <summary>From this time on every request to the queried target group answers 5xx (a green that died).</summary>
    public DateTimeOffset? TargetFailsFrom { get; set; }

    /// <summary>5xx the load balancer answers itself each minute (whole load balancer).</summary>
    public long LoadBalancer5xxPerMinute { get; set; }

    public Task<TargetGroupMetrics> GetTargetGroupMetricsAsync(TargetGroupMetricsQuery query, CancellationToken cancellationToken)
    {
        account.Touch("metrics.get");
        var percent = account.TargetPercent(account.Outputs.Single(o => o.Value.TargetGroupArn == query.TargetGroupArn).Key);
        var periods = Arrived(query.From, query.To, account.Clock.GetUtcNow()).ToList();
        long? requests = Reported(periods.Select(_ => NoData ? 0 : RequestsPerMinute * percent / 100));
        long? errors = Reported(periods.Select(start => NoData ? 0 : TargetErrors(start, RequestsPerMinute * percent / 100, percent)));
        double? latency = requests is null ? null : 0.05;
        long? all = Reported(periods.Select(_ => NoData ? 0 : RequestsPerMinute));
        long? albErrors = Reported(periods.Select(_ => NoData ? 0 : LoadBalancer5xxPerMinute));
        return Task.FromResult(new TargetGroupMetrics(requests, errors, latency, all, albErrors));
    }

    private long TargetErrors(DateTimeOffset periodStart, long requests, int percent) =>
        periodStart >= TargetFailsFrom ? requests : percent == FailAtPercent ? requests / 4 : 0;

    /// <summary>CloudWatch rounds the start down to the minute; the end is exclusive; a period not yet arrived is absent.</summary>
    private static IEnumerable<DateTimeOffset> Arrived(DateTimeOffset from, DateTimeOffset to, DateTimeOffset now)
    {
        for (var start = new DateTimeOffset(from.UtcTicks - (from.UtcTicks % Period.Ticks), TimeSpan.Zero); start < to; start += Period)
        {
            if (start + Period + ArrivalDelay <= now)
            {
                yield return start;
            }
        }
    }

    /// <summary>The sum of the non-zero data points; null when every one was zero, as none is then reported.</summary>
    private static long? Reported(IEnumerable<long> values) =>
        values.Where(v => v != 0).ToList() is { Count: > 0 } reported ? reported.Sum() : null;
}
