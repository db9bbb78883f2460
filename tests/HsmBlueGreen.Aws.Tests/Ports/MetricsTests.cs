using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ports;

public class MetricsTests
{
    private static readonly DateTimeOffset From = new(2026, 11, 22, 5, 0, 0, TimeSpan.Zero);
    private const string GreenDimension = "targetgroup/hsm-dev-green/2453ed029918f21f";
    private const string AlbDimension = "app/hsm-dev/50dc6c495c0c9188";

    [Fact]
    public async Task TheWindowsPeriodsAreSummedAndAveraged()
    {
        await using var aws = Start(From.AddMinutes(10), a => a
            .SetMetric("RequestCount", GreenDimension, 100)
            .SetMetric("HTTPCode_Target_5XX_Count", GreenDimension, 2)
            .SetMetric("TargetResponseTime", GreenDimension, 0.2)
            .SetMetric("RequestCount", AlbDimension, 1000)
            .SetMetric("HTTPCode_ELB_5XX_Count", AlbDimension, 1));

        var metrics = await FiveMinutesAsync(aws);

        Assert.Equal(new TargetGroupMetrics(500, 10, 0.2, 5000, 5), metrics);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task ZeroCountsHaveNoDataPointsAndStayUnknown()
    {
        await using var aws = Start(From.AddMinutes(10), a => a.SetMetric("RequestCount", GreenDimension, 50).SetMetric("HTTPCode_Target_5XX_Count", GreenDimension, 0));

        var metrics = await FiveMinutesAsync(aws);

        Assert.Equal(new TargetGroupMetrics(250, null, null, null, null), metrics);
    }

    [Fact]
    public async Task PeriodsThatHaveNotReachedCloudWatchAreLeftOut()
    {
        await using var aws = Start(From.AddMinutes(3), a => a.SetMetric("RequestCount", GreenDimension, 100));

        var metrics = await FiveMinutesAsync(aws);

        Assert.Equal(100, metrics.RequestCount);
    }

    [Fact]
    public async Task TargetMetricsNameTheTargetGroupAndTheAlbsOwn5xxTheLoadBalancerAlone()
    {
        await using var aws = Start(From.AddMinutes(10));

        await FiveMinutesAsync(aws);

        var queries = aws.Server.CallsTo("GetMetricData").Single().Input["MetricDataQueries"]!.AsArray()
            .ToDictionary(q => q!["Id"]!.GetValue<string>(), q => string.Join(' ', q!["MetricStat"]!["Metric"]!["Dimensions"]!.AsArray().Select(d => $"{d!["Name"]}={d["Value"]}")));
        Assert.Equal($"LoadBalancer={AlbDimension} TargetGroup={GreenDimension}", queries["errors"]);
        Assert.Equal($"LoadBalancer={AlbDimension}", queries["albErrors"]);
    }

    [Fact]
    public async Task EveryQueryAsksForOneMinutePeriods()
    {
        await using var aws = Start(From.AddMinutes(10));

        await FiveMinutesAsync(aws);

        var periods = aws.Server.CallsTo("GetMetricData").Single().Input["MetricDataQueries"]!.AsArray().Select(q => q!["MetricStat"]!["Period"]!.ToJsonString()).Distinct();
        Assert.Equal(["60"], periods);
    }

    private static LoopbackHarness Start(DateTimeOffset now, Action<FakeAwsAccount>? arrange = null) =>
        LoopbackHarness.Start(a =>
        {
            a.Clock = new At(now);
            arrange?.Invoke(a);
        });

    private static Task<TargetGroupMetrics> FiveMinutesAsync(LoopbackHarness aws) =>
        aws.Ports.Metrics.GetTargetGroupMetricsAsync(new(Fixtures.LoadBalancerArn, Fixtures.GreenTargetGroup, From, From.AddMinutes(5)), CancellationToken.None);

    private sealed class At(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
