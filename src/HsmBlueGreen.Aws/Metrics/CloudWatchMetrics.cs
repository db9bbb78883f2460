using System.Globalization;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Metrics;

/// <summary>
/// IMetrics over CloudWatch GetMetricData (Query): a target group's request count, target 5xx count and
/// average response time in AWS/ApplicationELB over the window, as one period.
/// </summary>
public sealed class CloudWatchMetrics(AwsTransport transport) : IMetrics
{
    private readonly QueryProtocolClient client = new(transport, AwsService.CloudWatch);

    public async Task<TargetGroupMetrics> GetTargetGroupMetricsAsync(TargetGroupMetricsQuery query, CancellationToken cancellationToken)
    {
        var period = (int)Math.Max(60, Math.Ceiling((query.To - query.From).TotalSeconds / 60) * 60);
        var dimensions = new[] { ("LoadBalancer", Dimension(query.LoadBalancerArn, "loadbalancer/")), ("TargetGroup", Dimension(query.TargetGroupArn, string.Empty)) };
        var wanted = new[] { ("requests", "RequestCount", "Sum"), ("errors", "HTTPCode_Target_5XX_Count", "Sum"), ("latency", "TargetResponseTime", "Average") };
        var parameters = new QueryParameters()
            .Add("StartTime", query.From)
            .Add("EndTime", query.To)
            .AddList("MetricDataQueries", wanted, (p, prefix, m) => p
                .Add($"{prefix}.Id", m.Item1)
                .Add($"{prefix}.ReturnData", true)
                .Add($"{prefix}.MetricStat.Metric.Namespace", "AWS/ApplicationELB")
                .Add($"{prefix}.MetricStat.Metric.MetricName", m.Item2)
                .AddList($"{prefix}.MetricStat.Metric.Dimensions", dimensions, (d, at, dim) => d.Add($"{at}.Name", dim.Item1).Add($"{at}.Value", dim.Item2))
                .Add($"{prefix}.MetricStat.Period", period)
                .Add($"{prefix}.MetricStat.Stat", m.Item3));
        var result = await client.CallAsync(OperationCatalogue.CloudWatch.GetMetricData, parameters, cancellationToken).ConfigureAwait(false);
        var values = result.Members("MetricDataResults").ToDictionary(
            r => r.Text("Id") ?? string.Empty,
            r => r.Members("Values").Select(v => double.Parse(v.Value, CultureInfo.InvariantCulture)).ToList());
        double? Sum(string id) => values.TryGetValue(id, out var list) && list.Count > 0 ? list.Sum() : null;
        double? Mean(string id) => values.TryGetValue(id, out var list) && list.Count > 0 ? list.Average() : null;
        return new TargetGroupMetrics((long?)Sum("requests"), (long?)Sum("errors"), Mean("latency"));
    }

    /// <summary>CloudWatch names an ALB "app/name/id" and a target group "targetgroup/name/id": the ARN's resource part.</summary>
    internal static string Dimension(string arn, string prefixToDrop)
    {
        var resource = arn.Split(':', 6) is { Length: 6 } parts ? parts[5] : arn;
        return resource.StartsWith(prefixToDrop, StringComparison.Ordinal) ? resource[prefixToDrop.Length..] : resource;
    }
}
