using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>What preflight refuses, each before any change: the account ends exactly as it started.</summary>
public sealed class PreflightTests
{
    private static async Task<(RunResult Result, bool Unchanged)> RunAfter(Action<RotationHarness> arrange)
    {
        var harness = new RotationHarness();
        arrange(harness);
        var before = harness.EndState();
        var result = await harness.RunAsync();
        return (result, before == harness.EndState() && harness.Account.Count("secrets.put") == 0);
    }

    [Fact]
    public async Task MissingGreenSlotInTheStackOutputsIsBadInput()
    {
        var (result, unchanged) = await RunAfter(h => h.Account.Outputs.Remove(Color.Green));

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.StartsWith("stack test has no deployed green slot (no greenClusterId output)", result.Message, StringComparison.Ordinal);
        Assert.True(unchanged);
    }

    [Fact]
    public async Task GreenClusterNotActiveIsBadInput()
    {
        var (result, unchanged) = await RunAfter(h => h.Account.Clusters["cluster-green00000001"] = h.Account.Clusters["cluster-green00000001"] with { State = ClusterState.CreateInProgress });

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.StartsWith("green's cluster cluster-green00000001 is CreateInProgress, not ACTIVE.", result.Message, StringComparison.Ordinal);
        Assert.True(unchanged);
    }

    [Fact]
    public async Task HsmNotActiveIsBadInput()
    {
        var (result, _) = await RunAfter(h =>
        {
            var cluster = h.Account.Clusters["cluster-green00000001"];
            h.Account.Clusters[cluster.ClusterId] = cluster with { Hsms = [cluster.Hsms[0] with { State = HsmState.CreateInProgress }] };
        });

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.Contains("has HSMs not ACTIVE: hsm-green1 CreateInProgress", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrafficAlreadySplitOnTheListenerIsBadInput()
    {
        var (result, unchanged) = await RunAfter(h => h.Account.Weights = [new TargetGroupWeight("arn:tg/blue", 90), new TargetGroupWeight("arn:tg/green", 10)]);

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.StartsWith("traffic is already split (blue 90% / green 10% on the listener)", result.Message, StringComparison.Ordinal);
        Assert.True(unchanged);
    }

    [Fact]
    public async Task UnhealthyBlueStopsForAnOperator()
    {
        var (result, unchanged) = await RunAfter(h => h.Account.ForcedHealth["arn:tg/blue"] = TargetHealthState.Unhealthy);

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("the slot every rollback returns to, has 0 of 2 targets healthy", result.Message, StringComparison.Ordinal);
        Assert.True(unchanged);
    }

    [Fact]
    public async Task ConcurrentRunIsRefusedByTheLock()
    {
        var (result, unchanged) = await RunAfter(h => h.Account.Leases["arn:secret/green"] = new RotationLease("run-ci", "arn:aws:sts::1:assumed-role/ci", h.Account.Clock.GetUtcNow().AddMinutes(20)));

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.StartsWith("another rotation holds the lock on green's secret: run run-ci by arn:aws:sts::1:assumed-role/ci", result.Message, StringComparison.Ordinal);
        Assert.True(unchanged);
    }

    [Fact]
    public async Task TwoRunsAtOnceOnlyOneChangesAnything()
    {
        var harness = new RotationHarness();
        var second = new RotationHarness();
        RunResult? secondResult = null;
        harness.Account.BeforeCall = call =>
        {
            if (call == "hsm.change-password" && secondResult is null)
            {
                secondResult = RotationRunner.RunAsync(
                    new RotationRun(harness.Plan(), harness.Account.Ports(), harness.Account.Clock, second.Journal, second.Events, "run-2", default),
                    new RunRequest(RunMode.Fresh, DryRun: false)).GetAwaiter().GetResult();
            }
        };

        var first = await harness.RunAsync();

        Assert.Equal(RotationOutcome.Done, first.Outcome);
        Assert.Equal(RotationOutcome.NeedsOperator, secondResult!.Outcome);
        Assert.Equal(1, harness.Account.Count("hsm.change-password"));
    }

    [Fact]
    public async Task ForeignPendingVersionOnGreensSecretStopsAFreshRun()
    {
        var (result, _) = await RunAfter(h => h.Account.Secrets.Seed("arn:secret/green", "someone-elses-version-00000000000001", new Secrets.Credential("app_cu", new Secrets.Sensitive("x")), SecretStages.Pending));

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("not made by this rotation", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GeneratedPasswordWithAColonIsRejectedAndNeverStored()
    {
        var harness = new RotationHarness();
        harness.Account.Secrets.Passwords.Clear();
        harness.Account.Secrets.Passwords.Enqueue("abc:defghijklmnopqrstuvwxyz01234");

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("contains an excluded character such as ':'", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Account.Count("secrets.put"));
    }

    [Fact]
    public async Task ResumeWithNoRotationInProgressRefusesToStartOne()
    {
        var harness = new RotationHarness();

        var result = await harness.ResumeAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.StartsWith("there is no rotation to resume on stack test", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Account.Count("secrets.put"));
    }

    [Fact]
    public async Task RunAfterAnInterruptedRunPointsToResume()
    {
        var harness = new RotationHarness();
        await harness.CrashAfterAsync("create-pending");

        var result = await harness.RunAsync("run-2");

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("from an interrupted hsm-rotate run", result.Message, StringComparison.Ordinal);
    }
}
