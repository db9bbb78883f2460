using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Rotate.Tests.View;

/// <summary>The live view of `run`, `resume` and `promote` on a terminal, and plain lines elsewhere.</summary>
public sealed class LiveViewTests
{
    [Fact]
    public async Task MidBakeTheViewShowsStepWeightsBakeLeftGatesAgainstLimitsAndTimes()
    {
        using var cli = new CliFixture();
        var events = ViewEvents.Parse((await cli.RunAsync("run --stack dev --yes --json")).Out);
        var firstBakeAt50 = events.First(e => e.Kind == EventKinds.Bake && e.Step == "bake-50");

        var view = ViewEvents.Fold(events.TakeWhile(e => e != firstBakeAt50).Append(firstBakeAt50));

        Approvals.Verify("live-view-mid-bake", ViewEvents.Render(view.Snapshot(), firstBakeAt50.At + TimeSpan.FromSeconds(90)));
    }

    [Fact]
    public async Task AtTheEndTheViewShowsTheOutcomeAndExitCode()
    {
        using var cli = new CliFixture();
        var events = ViewEvents.Parse((await cli.RunAsync("run --stack dev --yes --json")).Out);

        var view = ViewEvents.Fold(events).Snapshot();

        Approvals.Verify("live-view-ended", ViewEvents.Render(view, events[^1].At));
    }

    [Fact]
    public async Task WhileStartingTheTargetTheViewCountsHealthyTargets()
    {
        using var cli = new CliFixture();
        var events = ViewEvents.Parse((await cli.RunAsync("run --stack dev --yes --json")).Out);
        var waiting = events.First(e => e.Kind == EventKinds.Waiting && e.Step == "start-target");

        var frame = ViewEvents.Render(ViewEvents.Fold(events.TakeWhile(e => e != waiting).Append(waiting)).Snapshot(), waiting.At);

        Assert.Contains(waiting.Message, frame, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnATerminalRunDrawsTheLiveView()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev --yes", terminal: true);

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Contains("╭", run.Out, StringComparison.Ordinal);
        Assert.Contains("latest, against its limit", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OffATerminalRunWritesPlainTimestampedLinesOnly()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev --yes", terminal: false);

        Assert.DoesNotContain("╭", run.Out, StringComparison.Ordinal);
        Assert.All(run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries), line => Assert.Matches(@"^\d\d:\d\d:\d\d ", line));
    }
}
