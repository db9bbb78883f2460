using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Rotate.Rotation.View;

namespace HsmBlueGreen.Rotate.Tests.View;

/// <summary>`status --watch` on a machine with no journal of the run follows the run record and lease kept in AWS.</summary>
public sealed class RecordWatchTests
{
    [Fact]
    public async Task WatchFromAnotherDirectoryFollowsTheRecordInAwsUntilTheRunFinishes()
    {
        using var cli = new CliFixture();
        await cli.RunAsync("run --stack dev --yes --pause-at 25");
        var ports = cli.Account.Ports();
        var secret = cli.Account.Outputs[Color.Green].SecretArn;
        var paused = (await ports.RunRecords.ReadAsync(secret, default))!;
        // As a `promote` running on a third machine would: the pause lifted, the lease held, two steps further on.
        await ports.RunRecords.WriteAsync(secret, paused with { Pause = null, CurrentStepIndex = paused.CurrentStepIndex + 2 }, default);
        await ports.Lock.TryAcquireAsync(secret, new RotationLease(paused.RunId, "arn:aws:iam::111122223333:role/elsewhere", cli.Account.Clock.GetUtcNow() + TimeSpan.FromHours(1)), default);
        using var elsewhere = new CliFixture(account: cli.Account);
        // The other machine finishes during the watcher's third poll (each poll reads both slots' records, then the lease).
        var reads = 0;
        cli.Account.BeforeCall = call =>
        {
            if (call == "records.read" && ++reads == 5)
            {
                ports.RunRecords.WriteAsync(secret, paused with { Pause = null, CurrentStepIndex = paused.Steps.Count - 1 }, default).GetAwaiter().GetResult();
                ports.Lock.ReleaseAsync(secret, paused.RunId, default).GetAwaiter().GetResult();
            }
        };

        var watched = await elsewhere.RunAsync("status --stack dev --watch");

        Assert.True(reads >= 5, $"the watcher read the records {reads} times: it ended before the run did");
        Assert.True(watched.Exit == Exit.Done, watched.ToString());
        Assert.Contains($"following run {paused.RunId} from its record in AWS", watched.Out, StringComparison.Ordinal);
        Assert.Contains($"step: {paused.CurrentStepIndex + 3} of {paused.Steps.Count - 1}: {paused.Steps[paused.CurrentStepIndex + 2]}", watched.Out, StringComparison.Ordinal);
        Assert.Contains($"step: all {paused.Steps.Count - 1} steps done", watched.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchFromAnotherDirectoryOfAPausedRunExitsNeedingAnOperatorAndNamesPromote()
    {
        using var cli = new CliFixture();
        await cli.RunAsync("run --stack dev --yes --pause-at 25");
        using var elsewhere = new CliFixture(account: cli.Account);

        var watched = await elsewhere.RunAsync("status --stack dev --watch");

        Assert.True(watched.Exit == Exit.NeedsOperator, watched.ToString());
        Assert.Contains("is paused at 25%: continue with 'hsm-rotate promote --stack dev'", watched.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchFromAnotherDirectoryOfARunThatStoppedUnfinishedExitsNeedingAnOperatorAndNamesResume()
    {
        using var cli = new CliFixture();
        cli.Metrics.FailAtPercent = 25;
        await cli.RunAsync("run --stack dev --yes");
        using var elsewhere = new CliFixture(account: cli.Account);

        var watched = await elsewhere.RunAsync("status --stack dev --watch");

        Assert.True(watched.Exit == Exit.NeedsOperator, watched.ToString());
        Assert.Contains("without finishing", watched.Error, StringComparison.Ordinal);
        Assert.Contains("'hsm-rotate resume --stack dev'", watched.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchWithNoJournalAndNoRecordSaysThereIsNothingToWatch()
    {
        using var cli = new CliFixture();

        var watched = await cli.RunAsync("status --stack dev --watch");

        Assert.True(watched.Exit == Exit.Done, watched.ToString());
        Assert.Equal(RecordWatch.NoRun + "\n", watched.Error.ReplaceLineEndings("\n"));
    }
}
