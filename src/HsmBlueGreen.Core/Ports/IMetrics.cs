namespace HsmBlueGreen.Core.Ports;

/// <summary>CloudWatch figures a gate judges a target group by.</summary>
public interface IMetrics
{
    Task<TargetGroupMetrics> GetTargetGroupMetricsAsync(TargetGroupMetricsQuery query, CancellationToken cancellationToken);
}

/// <summary><paramref name="From"/> and <paramref name="To"/> fall on whole minutes: the query covers complete 60-second periods only.</summary>
public sealed record TargetGroupMetricsQuery(string LoadBalancerArn, string TargetGroupArn, DateTimeOffset From, DateTimeOffset To);

/// <summary>
/// Sums (and the mean response time) over the window's periods, exactly as CloudWatch returned them: a null figure
/// means CloudWatch had no data points for it. ALB reports its 5xx counts only when they are non-zero, so the gates,
/// not this record, decide that a missing 5xx count beside a request count is 0.
/// </summary>
/// <param name="RequestCount">RequestCount of the target group (TargetGroup, LoadBalancer dimensions).</param>
/// <param name="Http5xxCount">HTTPCode_Target_5XX_Count of the target group: 5xx answered by its targets.</param>
/// <param name="LoadBalancerRequestCount">RequestCount of the whole load balancer (LoadBalancer dimension).</param>
/// <param name="LoadBalancer5xxCount">HTTPCode_ELB_5XX_Count: 5xx the load balancer itself answered (502, 503, 504...), published for the whole load balancer only.</param>
public sealed record TargetGroupMetrics(long? RequestCount, long? Http5xxCount, double? AverageResponseSeconds, long? LoadBalancerRequestCount, long? LoadBalancer5xxCount);
