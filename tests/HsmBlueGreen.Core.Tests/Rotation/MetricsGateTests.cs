using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>The metrics gates against CloudWatch as ALB feeds it: zero counts unreported, 1-minute periods arriving late.</summary>
public sealed class MetricsGateTests
{
    [Fact]
    public async Task AHealthyGreenWithRequestsAndNo5xxPassesEveryStep()
    {
        var harness = new RotationHarness();

        var result = await harness.RunAsync();

        Assert.Equal((RotationOutcome.Done, 100), (result.Outcome, harness.Account.TargetPercent(Color.Green)));
    }

    [Fact]
    public async Task AZeroBakeWaitsForTheFirstCompletePeriodAndThenJudgesIt()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { Bake = TimeSpan.Zero, Settle = TimeSpan.Zero } };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
    }

    [Fact]
    public async Task LoadBalancerGenerated5xxAboveTheLimitRollBack()
    {
        var harness = new RotationHarness();
        harness.Metrics.LoadBalancer5xxPerMinute = harness.Metrics.RequestsPerMinute / 10;

        var result = await harness.RunAsync();

        Assert.Equal((RotationOutcome.RolledBack, 0), (result.Outcome, harness.Account.TargetPercent(Color.Green)));
        Assert.Contains("gate alb-5xx-rate failed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadBalancerGenerated5xxWithinTheLimitPass()
    {
        var harness = new RotationHarness();
        harness.Metrics.LoadBalancer5xxPerMinute = harness.Metrics.RequestsPerMinute / 200;

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
    }
}
