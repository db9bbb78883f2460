using System.Globalization;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Metrics;

/// <summary>
/// IMetrics over CloudWatch GetMetricData (Query), in AWS/ApplicationELB with 60-second periods (ALB's own
/// granularity): the target group's request count, target 5xx count and response time, and the whole load
/// balancer's request count and ALB-generated 5xx count (published with the LoadBalancer dimension only). Figures
/// with no data points stay null: ALB reports a 5xx count only when it is non-zero, and the gates decide what that means.
/// </summary>
public sealed class CloudWatchMetrics(AwsTransport transport) : IMetrics
{
    private const int PeriodSeconds = 60;

    private readonly QueryProtocolClient client = new(transport, AwsService.CloudWatch);

    public async Task<TargetGroupMetrics> GetTargetGroupMetricsAsync(TargetGroupMetricsQuery query, CancellationToken cancellationToken)
    {
        (string Name, string Value)[] loadBalancer = [("LoadBalancer", Dimension(query.LoadBalancerArn, "loadbalancer/"))];
        (string Name, string Value)[] targetGroup = [.. loadBalancer, ("TargetGroup", Dimension(query.TargetGroupArn, string.Empty))];
        var wanted = new[]
        {
            (Id: "requests", Metric: "RequestCount", Stat: "Sum", Dimensions: targetGroup),
            (Id: "errors", Metric: "HTTPCode_Target_5XX_Count", Stat: "Sum", Dimensions: targetGroup),
            (Id: "latency", Metric: "TargetResponseTime", Stat: "Average", Dimensions: targetGroup),
            (Id: "albRequests", Metric: "RequestCount", Stat: "Sum", Dimensions: loadBalancer),
            (Id: "albErrors", Metric: "HTTPCode_ELB_5XX_Count", Stat: "Sum", Dimensions: loadBalancer),
        };
        var parameters = new QueryParameters()
            .Add("StartTime", query.From)
            .Add("EndTime", query.To)
            .AddList("MetricDataQueries", wanted, (p, prefix, m) => p
                .Add($"{prefix}.Id", m.Id)
                .Add($"{prefix}.ReturnData", true)
                .Add($"{prefix}.MetricStat.Metric.Namespace", "AWS/ApplicationELB")
                .Add($"{prefix}.MetricStat.Metric.MetricName", m.Metric)
                .AddList($"{prefix}.MetricStat.Metric.Dimensions", m.Dimensions, (d, at, dim) => d.Add($"{at}.Name", dim.Name).Add($"{at}.Value", dim.Value))
                .Add($"{prefix}.MetricStat.Period", PeriodSeconds)
                .Add($"{prefix}.MetricStat.Stat", m.Stat));
        var result = await client.CallAsync(OperationCatalogue.CloudWatch.GetMetricData, parameters, cancellationToken).ConfigureAwait(false);
        var values = result.Members("MetricDataResults").ToDictionary(
            r => r.Text("Id") ?? string.Empty,
            r => r.Members("Values").Select(v => double.Parse(v.Value, CultureInfo.InvariantCulture)).ToList());
        long? Sum(string id) => values.TryGetValue(id, out var list) && list.Count > 0 ? (long)list.Sum() : null;
        double? Mean(string id) => values.TryGetValue(id, out var list) && list.Count > 0 ? list.Average() : null;
        return new TargetGroupMetrics(Sum("requests"), Sum("errors"), Mean("latency"), Sum("albRequests"), Sum("albErrors"));
    }

    /// <summary>CloudWatch names an ALB "app/name/id" and a target group "targetgroup/name/id": the ARN's resource part.</summary>
    internal static string Dimension(string arn, string prefixToDrop)
    {
        var resource = arn.Split(':', 6) is { Length: 6 } parts ? parts[5] : arn;
        return resource.StartsWith(prefixToDrop, StringComparison.Ordinal) ? resource[prefixToDrop.Length..] : resource;
    }
}
