using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>
/// ELBv2 health-checks only target groups a listener forwards to (TargetHealth: `unused` / Target.NotInUse), so both
/// slots stay in the forward action with explicit weights, 0 included, through every write.
/// </summary>
public sealed class ListenerForwardActionTests
{
    [Fact]
    public async Task GreenLeftOutOfTheForwardActionIsPutBackAtZeroSoItsTargetsGetHealthChecked()
    {
        var harness = new RotationHarness();
        harness.Account.Weights = [new TargetGroupWeight("arn:tg/blue", 100)];

        var result = await harness.RunAsync();

        Assert.True(result.Outcome == RotationOutcome.Done, result.Message);
    }

    [Fact]
    public async Task EveryListenerWriteListsBothSlotsTargetGroups()
    {
        var harness = new RotationHarness();
        var requests = Recorded(harness);
        harness.Options = RotationOptions.Default with { PauseAt = 50 };
        await harness.RunAsync();
        await AbortOperation.RunAsync(harness.NewRun());
        await harness.RunAsync("run-2");

        Assert.All(requests, request => Assert.Equal(["arn:tg/blue", "arn:tg/green"], request.Select(w => w.TargetGroupArn).Order(StringComparer.Ordinal)));
        Assert.Contains(requests, request => request.Any(w => w.Weight == 0));
    }

    [Fact]
    public async Task RollbackKeepsGreenHealthCheckedAtWeightZero()
    {
        var harness = new RotationHarness();
        harness.Metrics.FailAtPercent = 25;

        var result = await harness.RunAsync();
        var green = await harness.Account.Ports().LoadBalancer.GetTargetHealthAsync("arn:tg/green", default);

        Assert.Equal(RotationOutcome.RolledBack, result.Outcome);
        Assert.Contains(new TargetGroupWeight("arn:tg/green", 0), harness.Account.Weights);
        Assert.All(green, t => Assert.Equal(TargetHealthState.Healthy, t.State));
    }

    [Fact]
    public async Task AFinishedRotationKeepsTheOldSlotInTheForwardActionAtZero()
    {
        var harness = new RotationHarness();

        await harness.RunAsync();

        Assert.Equal([new TargetGroupWeight("arn:tg/blue", 0), new TargetGroupWeight("arn:tg/green", 100)], harness.Account.Weights.OrderBy(w => w.TargetGroupArn, StringComparer.Ordinal));
    }

    [Fact]
    public async Task RollbackRecordsTheSplitTheListenerShowsOnceTheChangeHasReachedIt()
    {
        var harness = new RotationHarness();
        harness.Metrics.FailAtPercent = 25;

        await harness.RunAsync();

        var last = harness.Events.Events.Last(e => e.Kind == EventKinds.Weights);
        Assert.Equal(("100", "0"), (last.Field("blue"), last.Field("green")));
    }

    [Fact]
    public async Task WeightStepsReadTheListenerAgainUntilItShowsTheNewSplit()
    {
        var harness = new RotationHarness();
        var staleReads = 0;
        harness.Account.BeforeCall = call => staleReads += call == "lb.listener" && harness.Account.StaleWeights is not null ? 1 : 0;

        var result = await harness.RunAsync();

        Assert.True(result.Outcome == RotationOutcome.Done, result.Message);
        Assert.Equal((4, 4), (harness.Account.WeightChanges, staleReads));
    }

    [Fact]
    public async Task NothingIsJudgedBeforeTheSettleWindowAfterAWeightChange()
    {
        var harness = new RotationHarness();
        DateTimeOffset? changedAt = null;
        var waited = new List<TimeSpan>();
        harness.Account.BeforeCall = call =>
        {
            var now = harness.Account.Clock.GetUtcNow();
            if (call == "lb.set")
            {
                changedAt = now;
            }
            else if (call == "metrics.get" && changedAt is { } changed)
            {
                waited.Add(now - changed);
                changedAt = null;
            }
        };

        await harness.RunAsync();

        Assert.Equal(4, waited.Count);
        Assert.All(waited, wait => Assert.True(wait >= RotationOptions.Default.Settle, $"judged {wait} after the change"));
    }

    /// <summary>Every weights request the rotation sends, through the account's own load balancer.</summary>
    private static List<IReadOnlyList<TargetGroupWeight>> Recorded(RotationHarness harness)
    {
        var requests = new List<IReadOnlyList<TargetGroupWeight>>();
        harness.LoadBalancer = new RecordingLoadBalancer(new FakeLoadBalancer(harness.Account), requests);
        return requests;
    }

    private sealed class RecordingLoadBalancer(ILoadBalancer inner, List<IReadOnlyList<TargetGroupWeight>> requests) : ILoadBalancer
    {
        public Task<ListenerState> GetListenerAsync(string listenerArn, CancellationToken cancellationToken) => inner.GetListenerAsync(listenerArn, cancellationToken);

        public Task SetWeightsAsync(string listenerArn, IReadOnlyList<TargetGroupWeight> weights, int? stickinessSeconds, CancellationToken cancellationToken)
        {
            requests.Add(weights);
            return inner.SetWeightsAsync(listenerArn, weights, stickinessSeconds, cancellationToken);
        }

        public Task<IReadOnlyList<TargetHealth>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken) => inner.GetTargetHealthAsync(targetGroupArn, cancellationToken);

        public Task<IReadOnlyList<ListenerRule>> GetRulesAsync(string listenerArn, CancellationToken cancellationToken) => inner.GetRulesAsync(listenerArn, cancellationToken);
    }
}
