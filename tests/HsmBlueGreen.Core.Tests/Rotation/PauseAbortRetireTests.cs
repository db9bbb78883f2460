using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

public sealed class PauseAbortRetireTests
{
    [Fact]
    public async Task PauseAtStopsAfterThatStepsGatesWithTrafficHeld()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { PauseAt = 25 } };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal(25, harness.Account.TargetPercent(Color.Green));
        Assert.Contains("hsm-rotate promote --stack test", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeWithoutPromoteStopsAgainAtThePause()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { PauseAt = 25 } };
        await harness.RunAsync();

        var result = await harness.ResumeAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal(25, harness.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task PromoteContinuesPastThePauseToTheEnd()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { PauseAt = 25 } };
        await harness.RunAsync();

        var result = await harness.ResumeAsync(promotedAt: 25);

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(100, harness.Account.TargetPercent(Color.Green));
    }

    /// <summary>The operator looked at the weight once: a judge's inconclusive gate and --pause-at at the same weight take one promote.</summary>
    [Fact]
    public async Task OnePromoteAnswersAnInconclusiveGateAndThePauseAtTheSameWeight()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { PauseAt = 10 } };
        harness.Metrics.NoData = true;
        var paused = await harness.RunAsync();
        harness.Metrics.NoData = false;

        var result = await harness.ResumeAsync(promotedAt: 10);

        Assert.StartsWith("gate 5xx-rate inconclusive at 10%", paused.Message, StringComparison.Ordinal);
        Assert.True(result.Outcome == RotationOutcome.Done, result.Message);
        Assert.Equal(100, harness.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task MissingMetricsPauseTheRunInsteadOfPassingIt()
    {
        var harness = new RotationHarness();
        harness.Metrics.NoData = true;

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.StartsWith("gate 5xx-rate inconclusive at 10%", result.Message, StringComparison.Ordinal);
        Assert.Equal(10, harness.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task AbortMidShiftPutsTrafficBackWithOneListenerUpdate()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { PauseAt = 50 } };
        await harness.RunAsync();
        var changes = harness.Account.WeightChanges;

        var result = await AbortOperation.RunAsync(harness.NewRun());

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal((0, changes + 1), (harness.Account.TargetPercent(Color.Green), harness.Account.WeightChanges));
        Assert.Equal(("100", "0"), (harness.Account.Config["traffic.blue"], harness.Account.Config["traffic.green"]));
    }

    [Fact]
    public async Task ARunAfterAnAbortedAttemptTakesUpThePendingVersionItLeftBehind()
    {
        // The aborted attempt's version keeps its id (derived from blue's version) and, without labels, still exists:
        // Secrets Manager refuses that id with another value, so the new run must not generate a second password for it.
        var harness = new RotationHarness();
        await harness.CrashAfterAsync("create-pending");
        await AbortOperation.RunAsync(harness.NewRun());

        var result = await harness.RunAsync();

        Assert.True(result.Outcome == RotationOutcome.Done, result.Message);
        Assert.Equal(RotationTokens.For("v-blue-1").Pending, (await harness.Account.Secrets.DescribeAsync("arn:secret/green", default)).VersionWith(SecretStages.Current));
    }

    [Fact]
    public async Task AbortBeforeThePasswordWasSetRemovesAwsPendingAndKeepsTheSeed()
    {
        var harness = new RotationHarness();
        await harness.CrashAfterAsync("create-pending");

        await AbortOperation.RunAsync(harness.NewRun());

        var green = await harness.Account.Secrets.DescribeAsync("arn:secret/green", default);
        Assert.Null(green.VersionWith(SecretStages.Pending));
        Assert.Equal(RotationTokens.For("v-blue-1").Seed, green.VersionWith(SecretStages.Current));
        Assert.Equal(0, harness.Account.WeightChanges);
        Assert.Empty(harness.Account.Leases);
    }

    [Fact]
    public async Task StatusNamesThePhaseAndWeightsMidShift()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { PauseAt = 25 } };
        await harness.RunAsync();

        var lines = (await StatusOperation.ReadAsync(harness.NewRun())).ToDictionary(l => l.Key, l => l.Value);

        Assert.Equal("shift: green at 25%", lines["phase"]);
        Assert.Equal("blue 75% / green 25%", lines["weights"]);
        Assert.Equal("asg-green desired 2, in service 2; targets healthy 2/2", lines["green clients"]);
    }

    /// <summary>The scheduled workflow retires in another job, on another runner: it has the run record in AWS, not the run's journal.</summary>
    [Fact]
    public async Task RetireOnAMachineWithoutTheRunsJournalMeasuresTheDrainFromTheRunRecord()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();
        harness.Account.TagForRetire(Color.Blue);
        RotationRun Elsewhere() => new(harness.Plan(Color.Blue), harness.Account.Ports(harness.LoadBalancer, harness.Metrics), harness.Account.Clock, new MemoryJournal(), new RecordingEvents(), "run-elsewhere", CancellationToken.None);

        var early = await RetireOperation.RunAsync(Elsewhere(), TimeSpan.FromMinutes(10), assumeDrained: false);
        harness.Account.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await RetireOperation.RunAsync(Elsewhere(), TimeSpan.FromMinutes(10), assumeDrained: false);

        Assert.True(early.Outcome == RotationOutcome.NeedsOperator && early.Message.Contains("of its 10m drain time", StringComparison.Ordinal), early.Message);
        Assert.True(late.Outcome == RotationOutcome.Done, late.Message);
    }

    [Fact]
    public async Task RetireRefusesUntilTheDrainTimeHasPassed()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();
        harness.Account.TagForRetire(Color.Blue);

        var early = await RetireOperation.RunAsync(harness.NewRun(), TimeSpan.FromMinutes(10), assumeDrained: false);
        harness.Account.Clock.Advance(TimeSpan.FromMinutes(5));
        var late = await RetireOperation.RunAsync(harness.NewRun(), TimeSpan.FromMinutes(10), assumeDrained: false);

        Assert.Equal(RotationOutcome.NeedsOperator, early.Outcome);
        Assert.Contains("drain time", early.Message, StringComparison.Ordinal);
        Assert.Equal(RotationOutcome.Done, late.Outcome);
        Assert.Equal("<removed>", harness.Account.Config["slots.blue"]);
        Assert.Equal([], harness.Account.Ups[^1]);
    }

    [Fact]
    public async Task RetireTagsTheClusterAsRetiringBeforeRemovingTheSlot()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();
        harness.Account.TagForRetire(Color.Blue);
        harness.Account.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await RetireOperation.RunAsync(harness.NewRun(), TimeSpan.FromMinutes(5), assumeDrained: false);

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        var retireUps = harness.Account.Ups.TakeLast(2).ToList();
        Assert.Equal([StackResourceNames.ClusterUrn(harness.Account.Stack, Color.Blue)], retireUps[0]);
        Assert.Equal([], retireUps[1]);
        Assert.Equal("<removed>", harness.Account.Config["slots.blue"]);
    }

    [Fact]
    public async Task RetireRefusesTheSlotThatStillServes()
    {
        var harness = new RotationHarness();

        var result = await RetireOperation.RunAsync(harness.NewRun(), TimeSpan.Zero, assumeDrained: true);

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.StartsWith("blue still has weight 100% on the listener", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Account.Count("stack.rm"));
    }

    [Fact]
    public async Task RetireOfAClusterTheStackOnlyReadsWaitsForItsTagsAndChangesNothing()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();
        harness.Account.Clock.Advance(TimeSpan.FromMinutes(10));

        var result = await RetireOperation.RunAsync(harness.NewRun(), TimeSpan.FromMinutes(5), assumeDrained: false);

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("aws cloudhsmv2 tag-resource --resource-id cluster-blue00000001 --tag-list Key=hsm-blue-green:stack,Value=test Key=hsm-blue-green:slot-state,Value=retiring", result.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), (harness.Account.Count("stack.rm"), harness.Account.Ups.Count(u => u.Count == 0 || u[0] != StackResourceNames.ListenerUrn("test"))));
        Assert.False(harness.Account.Config.ContainsKey("slots.blue.retiring"));
    }
}
