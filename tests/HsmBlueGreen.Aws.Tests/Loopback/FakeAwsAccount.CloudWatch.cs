using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>CloudWatch GetMetricData over canned data points per (metric, TargetGroup dimension).</summary>
public sealed partial class FakeAwsAccount
{
    private readonly Dictionary<(string Metric, string TargetGroup), double[]> metrics = [];

    public FakeAwsAccount SetMetric(string metricName, string targetGroupDimension, params double[] values)
    {
        lock (gate)
        {
            metrics[(metricName, targetGroupDimension)] = values;
        }

        return this;
    }

    private JsonObject GetMetricData(JsonObject input)
    {
        var start = DateTimeOffset.Parse(Str(input, "StartTime"), System.Globalization.CultureInfo.InvariantCulture);
        var results = new JsonArray();
        foreach (var query in input["MetricDataQueries"]!.AsArray().Select(q => q!.AsObject()))
        {
            var metric = query["MetricStat"]!["Metric"]!.AsObject();
            var targetGroup = metric["Dimensions"]?.AsArray().Select(d => d!.AsObject()).FirstOrDefault(d => Str(d, "Name") == "TargetGroup");
            var values = metrics.GetValueOrDefault((Str(metric, "MetricName"), targetGroup is null ? string.Empty : Str(targetGroup, "Value"))) ?? [];
            results.Add(new JsonObject
            {
                ["Id"] = Str(query, "Id"),
                ["Label"] = Str(metric, "MetricName"),
                ["StatusCode"] = "Complete",
                ["Timestamps"] = new JsonArray([.. values.Select((_, i) => (JsonNode)JsonValue.Create(Epoch(start.AddMinutes(i))))]),
                ["Values"] = new JsonArray([.. values.Select(v => (JsonNode)JsonValue.Create(v))]),
            });
        }

        return new JsonObject { ["MetricDataResults"] = results };
    }
}
