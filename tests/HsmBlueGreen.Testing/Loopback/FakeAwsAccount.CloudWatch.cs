using System.Globalization;
using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>
/// CloudWatch GetMetricData as an ALB feeds it: each metric has a value per minute; a query gets one data point per
/// period, only when it is non-zero (ALB reports counts "when there is a nonzero value" and nothing without requests),
/// and only for periods that ended <see cref="MetricArrival"/> before <see cref="Clock"/>. The start time is rounded
/// down to the minute and the end time is exclusive, as GetMetricData documents.
/// </summary>
public sealed partial class FakeAwsAccount
{
    /// <summary>Assumed, not documented: a 1-minute period of ALB metrics reaches CloudWatch 90 s after it ends.</summary>
    public static readonly TimeSpan MetricArrival = TimeSpan.FromSeconds(90);

    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Dictionary<(string Metric, string Dimension), double> metrics = [];

    /// <summary>"Now" for the account: which periods have reached CloudWatch.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <param name="dimension">The TargetGroup dimension's value for a target group's metric; the LoadBalancer dimension's value for a metric of the whole load balancer.</param>
    /// <param name="perMinute">The count (or, for an Average, the mean) in every minute; 0 is never reported.</param>
    public FakeAwsAccount SetMetric(string metricName, string dimension, double perMinute)
    {
        lock (gate)
        {
            metrics[(metricName, dimension)] = perMinute;
        }

        return this;
    }

    private JsonObject GetMetricData(JsonObject input)
    {
        var start = Floor(DateTimeOffset.Parse(Str(input, "StartTime"), CultureInfo.InvariantCulture));
        var end = DateTimeOffset.Parse(Str(input, "EndTime"), CultureInfo.InvariantCulture);
        var arrived = Clock.GetUtcNow() - MetricArrival;
        var results = new JsonArray();
        foreach (var query in input["MetricDataQueries"]!.AsArray().Select(q => q!.AsObject()))
        {
            var stat = query["MetricStat"]!.AsObject();
            var metric = stat["Metric"]!.AsObject();
            var period = TimeSpan.FromSeconds(Int(stat["Period"]));
            var perMinute = metrics.GetValueOrDefault((Str(metric, "MetricName"), DimensionOf(metric)));
            var points = new List<(DateTimeOffset At, double Value)>();
            for (var at = start; at < end; at += period)
            {
                // A period is published whole, once its last minute has arrived.
                var value = Str(stat, "Stat") == "Average" ? perMinute : perMinute * Math.Max(1, period / Minute);
                if (at + period <= arrived && value != 0)
                {
                    points.Add((at, value));
                }
            }

            points.Reverse(); // ScanBy defaults to TimestampDescending
            results.Add(new JsonObject
            {
                ["Id"] = Str(query, "Id"),
                ["Label"] = Str(metric, "MetricName"),
                ["StatusCode"] = "Complete",
                ["Timestamps"] = new JsonArray([.. points.Select(p => (JsonNode)JsonValue.Create(Epoch(p.At)))]),
                ["Values"] = new JsonArray([.. points.Select(p => (JsonNode)JsonValue.Create(p.Value))]),
            });
        }

        return new JsonObject { ["MetricDataResults"] = results };
    }

    /// <summary>A target group's metric is keyed by its TargetGroup dimension; the load balancer's by its LoadBalancer dimension.</summary>
    private static string DimensionOf(JsonObject metric)
    {
        var dimensions = metric["Dimensions"]?.AsArray().Select(d => d!.AsObject()).ToList() ?? [];
        var named = (string name) => dimensions.FirstOrDefault(d => Str(d, "Name") == name) is { } d ? Str(d, "Value") : null;
        return named("TargetGroup") ?? named("LoadBalancer") ?? string.Empty;
    }

    private static DateTimeOffset Floor(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % Minute.Ticks), TimeSpan.Zero);
}
