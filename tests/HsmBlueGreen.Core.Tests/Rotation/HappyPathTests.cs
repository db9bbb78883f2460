using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

public sealed class HappyPathTests
{
    [Fact]
    public async Task RotationEndsWithGreenServingAllTrafficOnItsNewPassword()
    {
        var harness = new RotationHarness();

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(100, harness.Account.TargetPercent(Color.Green));
        var generated = Assert.Single(harness.Account.Secrets.Generated);
        Assert.Equal(generated, harness.Account.Secrets.Value("arn:secret/green", SecretStages.Current)!.Password.Reveal());
        Assert.Equal(generated, harness.Account.HsmUsers["cluster-green00000001"].Password);
    }

    [Fact]
    public async Task GreenSecretEndsWithAwsPendingOnNoVersionAndTheSeedAsPrevious()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();

        var versions = await harness.Account.Secrets.DescribeAsync("arn:secret/green", default);
        var tokens = RotationTokens.For("v-blue-1");

        Assert.Null(versions.VersionWith(SecretStages.Pending));
        Assert.Equal(tokens.Pending, versions.VersionWith(SecretStages.Current));
        Assert.Equal(tokens.Seed, versions.VersionWith(SecretStages.Previous));
        Assert.Equal([SecretStages.Current], versions.VersionStages[tokens.Pending]);
    }

    [Fact]
    public async Task BlueKeepsItsPasswordAndItsSecretIsNeverWritten()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();

        Assert.Equal(FakeAccount.BluePassword, harness.Account.HsmUsers["cluster-blue00000001"].Password);
        var blue = await harness.Account.Secrets.DescribeAsync("arn:secret/blue", default);
        Assert.Equal(["v-blue-1"], blue.VersionStages.Keys);
    }

    [Fact]
    public async Task EachWeightIsWrittenToTheStackAndRecordedOnTheListenerOnly()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();

        Assert.Equal(("0", "100", "2"), (harness.Account.Config["traffic.blue"], harness.Account.Config["traffic.green"], harness.Account.Config["slots.green.clientCount"]));
        Assert.Equal(4, harness.Account.Ups.Count);
        Assert.All(harness.Account.Ups, targets => Assert.Equal([StackResourceNames.ListenerUrn("test")], targets));
    }

    [Fact]
    public async Task WeightsFollowTheScheduleOneListenerUpdateEach()
    {
        var harness = new RotationHarness();
        var seen = new List<int>();
        harness.Account.BeforeCall = call =>
        {
            if (call == "stack.up")
            {
                seen.Add(harness.Account.TargetPercent(Color.Green));
            }
        };

        await harness.RunAsync();

        Assert.Equal([10, 25, 50, 100], seen);
        Assert.Equal(4, harness.Account.WeightChanges);
    }

    [Fact]
    public async Task FiveMinuteBakesPassOnTheFakeClockNotTheWallClock()
    {
        var harness = new RotationHarness();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        await harness.RunAsync();

        Assert.True(harness.Account.Clock.Waited >= TimeSpan.FromMinutes(22), $"waited {harness.Account.Clock.Waited}");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task NoLoginEverFailsOnTheHappyPath()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();

        Assert.Equal(0, harness.Account.HsmUsers["cluster-green00000001"].FailedLogins);
        Assert.Equal(1, harness.Account.Count("hsm.change-password"));
    }

    [Fact]
    public async Task LockIsHeldDuringTheRunAndReleasedAtTheEnd()
    {
        var harness = new RotationHarness();
        var heldDuringChange = false;
        harness.Account.BeforeCall = call => heldDuringChange |= call == "hsm.change-password" && harness.Account.Leases.ContainsKey("arn:secret/green");

        await harness.RunAsync();

        Assert.True(heldDuringChange);
        Assert.Empty(harness.Account.Leases);
    }

    [Fact]
    public async Task DryRunReadsEverythingAndChangesNothing()
    {
        var harness = new RotationHarness();
        var before = harness.EndState();

        var result = await harness.RunAsync(dryRun: true);

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(before, harness.EndState());
        Assert.Contains(harness.Events.Events, e => e.Message.StartsWith("would run: Set blue 90 / green 10", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondRunAfterADoneRotationFindsNothingToDoUnderResume()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();
        var calls = harness.Account.Calls.Count;

        var result = await harness.ResumeAsync("run-2");

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.DoesNotContain(harness.Account.Calls.Skip(calls), c => c is "lb.set" or "secrets.put" or "hsm.change-password" or "groups.set");
    }
}
