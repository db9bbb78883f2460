using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
using Moq;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>A failed gate at any weight step rolls back with exactly one listener update to blue 100, issued at once.</summary>
public sealed class RollbackTests
{
    private static readonly string[] LoadBalancerCallsBeforeRollback = ["metrics.get"];

    public static TheoryData<int> StepNumbers() => [1, 2, 3, 4];

    [Theory]
    [MemberData(nameof(StepNumbers))]
    public async Task FailedGateRollsBackWithExactlyOneListenerUpdate(int step)
    {
        var (harness, loadBalancer, _) = WithStrictLoadBalancer();
        harness.Metrics.FailAtPercent = WeightSchedule.Default.Percents[step - 1];

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.RolledBack, result.Outcome);
        loadBalancer.Verify(l => l.SetWeightsAsync("arn:listener", It.Is<IReadOnlyList<TargetGroupWeight>>(w => IsBlueOnly(w)), null, It.IsAny<CancellationToken>()), Times.Once);
        loadBalancer.Verify(l => l.SetWeightsAsync("arn:listener", It.IsAny<IReadOnlyList<TargetGroupWeight>>(), null, It.IsAny<CancellationToken>()), Times.Exactly(step + 1));
    }

    [Theory]
    [MemberData(nameof(StepNumbers))]
    public async Task RollbackIsTheFirstCallAfterTheFailedGate(int step)
    {
        var (harness, _, lastCallBeforeRollback) = WithStrictLoadBalancer();
        harness.Metrics.FailAtPercent = WeightSchedule.Default.Percents[step - 1];

        await harness.RunAsync();

        Assert.Equal(LoadBalancerCallsBeforeRollback, lastCallBeforeRollback);
    }

    [Theory]
    [MemberData(nameof(StepNumbers))]
    public async Task RollbackIsRecordedInTheStackConfig(int step)
    {
        var (harness, _, _) = WithStrictLoadBalancer();
        harness.Metrics.FailAtPercent = WeightSchedule.Default.Percents[step - 1];

        var result = await harness.RunAsync();

        Assert.Equal(("100", "0"), (harness.Account.Config["traffic.blue"], harness.Account.Config["traffic.green"]));
        Assert.StartsWith("rolled back: all traffic on blue (gate 5xx-rate failed", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusedHsmProbeRollsBackAndStopsForAnOperatorWithoutRetrying()
    {
        var harness = new RotationHarness();
        var shifts = 0;
        harness.Account.BeforeCall = call =>
        {
            shifts += call == "lb.set" ? 1 : 0;
            if (shifts == 2 && call == "metrics.get")
            {
                harness.Account.HsmUsers["cluster-green00000001"].Password = "changed-behind-our-back";
            }
        };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal(0, harness.Account.TargetPercent(Color.Green));
        Assert.Equal(1, harness.Account.HsmUsers["cluster-green00000001"].FailedLogins);
        Assert.Equal(3, harness.Account.WeightChanges);
    }

    /// <summary>All traffic on blue, green still listed at 0 so its targets stay health-checked.</summary>
    private static bool IsBlueOnly(IReadOnlyList<TargetGroupWeight> weights) =>
        weights.SequenceEqual([new TargetGroupWeight("arn:tg/blue", 100), new TargetGroupWeight("arn:tg/green", 0)]);

    private static (RotationHarness Harness, Mock<ILoadBalancer> LoadBalancer, List<string> LastCallBeforeRollback) WithStrictLoadBalancer()
    {
        var harness = new RotationHarness();
        IReadOnlyList<TargetGroupWeight> weights = [new TargetGroupWeight("arn:tg/blue", 100), new TargetGroupWeight("arn:tg/green", 0)];
        var lastCall = new List<string>();
        var loadBalancer = new Mock<ILoadBalancer>(MockBehavior.Strict);
        loadBalancer.Setup(l => l.GetListenerAsync("arn:listener", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new ListenerState("arn:listener", weights, null));
        loadBalancer.Setup(l => l.GetTargetHealthAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new TargetHealth("i-1", TargetHealthState.Healthy, null), new TargetHealth("i-2", TargetHealthState.Healthy, null)]);
        loadBalancer.Setup(l => l.SetWeightsAsync("arn:listener", It.IsAny<IReadOnlyList<TargetGroupWeight>>(), null, It.IsAny<CancellationToken>()))
            .Callback((string _, IReadOnlyList<TargetGroupWeight> w, int? _, CancellationToken _) =>
            {
                if (IsBlueOnly(w))
                {
                    lastCall.Add(harness.Account.Calls[^1]);
                }

                weights = w;

                // The traffic CloudWatch sees follows the listener, whoever plays it.
                harness.Account.Weights = w;
            })
            .Returns(Task.CompletedTask);
        harness.LoadBalancer = loadBalancer.Object;
        return (harness, loadBalancer, lastCall);
    }
}
