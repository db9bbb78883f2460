using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ports;

public class MetricsTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 22, 5, 0, 0, TimeSpan.Zero);
    private const string GreenDimension = "targetgroup/hsm-dev-green/2453ed029918f21f";

    [Fact]
    public async Task TheWindowsFiguresAreSummedAndAveraged()
    {
        await using var aws = LoopbackHarness.Start(a => a
            .SetMetric("RequestCount", GreenDimension, 100, 200)
            .SetMetric("HTTPCode_Target_5XX_Count", GreenDimension, 1, 2)
            .SetMetric("TargetResponseTime", GreenDimension, 0.1, 0.3));

        var metrics = await aws.Ports.Metrics.GetTargetGroupMetricsAsync(new(Fixtures.LoadBalancerArn, Fixtures.GreenTargetGroup, From, From.AddMinutes(5)), CancellationToken.None);

        Assert.Equal(300, metrics.RequestCount);
        Assert.Equal(3, metrics.Http5xxCount);
        Assert.Equal(0.2, metrics.AverageResponseSeconds!.Value, precision: 6);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task NoDataPointsMeanNoFigure()
    {
        await using var aws = LoopbackHarness.Start(a => a.SetMetric("RequestCount", GreenDimension, 50));

        var metrics = await aws.Ports.Metrics.GetTargetGroupMetricsAsync(new(Fixtures.LoadBalancerArn, Fixtures.GreenTargetGroup, From, From.AddMinutes(5)), CancellationToken.None);

        Assert.Equal(new TargetGroupMetrics(50, null, null), metrics);
    }

    [Fact]
    public async Task TheDimensionsAreTheArnsResourceParts()
    {
        await using var aws = LoopbackHarness.Start();

        await aws.Ports.Metrics.GetTargetGroupMetricsAsync(new(Fixtures.LoadBalancerArn, Fixtures.GreenTargetGroup, From, From.AddMinutes(5)), CancellationToken.None);

        var dimensions = aws.Server.CallsTo("GetMetricData").Single().Input["MetricDataQueries"]![0]!["MetricStat"]!["Metric"]!["Dimensions"]!.AsArray()
            .Select(d => (d!["Name"]!.GetValue<string>(), d["Value"]!.GetValue<string>()));
        Assert.Equal([("LoadBalancer", "app/hsm-dev/50dc6c495c0c9188"), ("TargetGroup", GreenDimension)], dimensions);
    }
}
