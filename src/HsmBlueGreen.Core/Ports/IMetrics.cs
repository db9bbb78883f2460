namespace HsmBlueGreen.Core.Ports;

/// <summary>CloudWatch figures a gate judges a target group by.</summary>
public interface IMetrics
{
    Task<TargetGroupMetrics> GetTargetGroupMetricsAsync(TargetGroupMetricsQuery query, CancellationToken cancellationToken);
}

public sealed record TargetGroupMetricsQuery(string LoadBalancerArn, string TargetGroupArn, DateTimeOffset From, DateTimeOffset To);

/// <summary>A null figure means CloudWatch had no data points for it in the window: the gate is then inconclusive, not passed.</summary>
public sealed record TargetGroupMetrics(long? RequestCount, long? Http5xxCount, double? AverageResponseSeconds);
