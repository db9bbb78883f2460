using System.Text.Json;

namespace HsmBlueGreen.Rotate.Tests.View;

/// <summary>With --json a run's last line is one `ended` event carrying the outcome and the exit code, however it ends.</summary>
public sealed class ClosingEventTests
{
    [Fact]
    public async Task ASuccessfulRunEndsWithOneEndedEventSayingDoneAndExitZero()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev --yes --json");

        AssertEndsWith(run, "Done", Exit.Done);
    }

    [Fact]
    public async Task ARolledBackRunEndsWithOneEndedEventSayingRolledBackAndExitOne()
    {
        using var cli = new CliFixture();
        cli.Metrics.FailAtPercent = 25;

        var run = await cli.RunAsync("run --stack dev --yes --json");

        AssertEndsWith(run, "RolledBack", Exit.RolledBack);
    }

    [Fact]
    public async Task ACrashedRunEndsWithOneEndedEventSayingCrashedWithItsExitCode()
    {
        using var cli = new CliFixture();
        cli.CrashAt("hsm.change-password");

        var run = await cli.RunAsync("run --stack dev --yes --json");

        var ended = AssertEndsWith(run, "Crashed", Exit.Crashed);
        Assert.StartsWith("crashed: InjectedCrashException", ended.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunRefusedForItsInputEndsWithOneEndedEventSayingBadInput()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev --yes --json --steps 50,10");

        AssertEndsWith(run, "BadInput", Exit.BadInput);
    }

    [Fact]
    public async Task TheJournalKeepsTheEndedEventToo()
    {
        using var cli = new CliFixture();
        cli.Metrics.FailAtPercent = 25;

        await cli.RunAsync("run --stack dev --yes");

        var last = ViewEvents.Elements(cli.Journal)[^1];
        Assert.Equal(("ended", "RolledBack", "1"), (last.GetProperty("kind").GetString(), Data(last, "outcome"), Data(last, "exitCode")));
    }

    private static JsonElement AssertEndsWith(CliRun run, string outcome, int exit)
    {
        var events = ViewEvents.Elements(run.Out);
        Assert.True(run.Exit == exit, run.ToString());
        var ended = Assert.Single(events, e => e.GetProperty("kind").GetString() == "ended");
        Assert.Equal(ended, events[^1]);
        Assert.Equal((outcome, exit.ToString(System.Globalization.CultureInfo.InvariantCulture)), (Data(ended, "outcome"), Data(ended, "exitCode")));
        return ended;
    }

    private static string? Data(JsonElement e, string field) => e.GetProperty("data").GetProperty(field).GetString();
}
