using HsmBlueGreen.Rotate.Rotation.View;

namespace HsmBlueGreen.Rotate.Tests.View;

/// <summary>`status --watch` follows the journal's last run on the command's clock until that run ends.</summary>
public sealed class StatusWatchTests
{
    [Fact]
    public async Task WatchKeepsFollowingARunInProgressAndEndsWithItsExitCodeWhenTheRunEnds()
    {
        using var cli = new CliFixture();
        await cli.RunAsync("run --stack dev --yes");
        var lines = File.ReadAllLines(cli.JournalPath);
        var midBake = Array.FindIndex(lines, l => l.Contains("\"kind\":\"bake\"", StringComparison.Ordinal) && l.Contains("bake-25", StringComparison.Ordinal));
        File.WriteAllLines(cli.JournalPath, lines[..(midBake + 1)]);
        var clock = cli.Account.Clock;
        var before = clock.Waited;

        var watch = cli.RunAsync("status --stack dev --watch");
        while (clock.Waited < before + (3 * JournalWatch.Interval) && !watch.IsCompleted)
        {
            await Task.Yield();
        }

        Assert.False(watch.IsCompleted, "status --watch ended before the run did");
        File.AppendAllLines(cli.JournalPath, lines[(midBake + 1)..]);
        var watched = await watch.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(watched.Exit == Exit.Done, watched.ToString());
        Assert.Contains("[bake-25] baking at 25%", watched.Out, StringComparison.Ordinal);
        Assert.Contains("green serves 100% with its new password", watched.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WatchingARolledBackRunExitsWithTheRunsExitCode()
    {
        using var cli = new CliFixture();
        cli.Metrics.FailAtPercent = 25;
        await cli.RunAsync("run --stack dev --yes");

        var watched = await cli.RunAsync("status --stack dev --watch");

        Assert.True(watched.Exit == Exit.RolledBack, watched.ToString());
    }

    [Fact]
    public async Task WatchOnATerminalDrawsTheSameLiveViewAsTheRun()
    {
        using var cli = new CliFixture();
        await cli.RunAsync("run --stack dev --yes");

        var watched = await cli.RunAsync("status --stack dev --watch", terminal: true);

        Assert.Contains("ended Done (exit 0)", watched.Out, StringComparison.Ordinal);
    }
}
