using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd;

/// <summary>The run record on green's secret tags: another working directory (no journal) sees and continues the run.</summary>
public sealed partial class EndToEndRotationTests
{
    private const string PausedRun = $"run --stack dev --yes {Zero} --max-5xx-rate 30 --pause-at 10";

    [Fact]
    public async Task PromoteFromAnotherDirectoryJudgesWithTheLimitsTheRunStartedWith()
    {
        await using var server = StartAccount();
        var (paused, _, _) = await RunAsync(PausedRun, server);
        // A quarter of green's requests answer 5xx from now on: over the default 1%, under the run's 30%.
        server.Account.SetMetric("HTTPCode_Target_5XX_Count", GreenDimension, 250);
        using var elsewhere = new CliFixture();

        var (exit, output, error) = await LoopbackCli.RunAsync("promote --stack dev", server, pulumi, elsewhere.Directory);

        Assert.Equal(ExitCodes.NeedsOperator, paused);
        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Equal([(Fixtures.GreenTargetGroup, 100)], Serving(server));
        server.AssertConforms();
    }

    [Fact]
    public async Task StatusFromAnotherDirectoryShowsTheRecordedStepPauseAndLimits()
    {
        await using var server = StartAccount();
        await RunAsync(PausedRun, server);
        using var elsewhere = new CliFixture();

        var (exit, output, error) = await LoopbackCli.RunAsync("status --stack dev", server, pulumi, elsewhere.Directory);

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}");
        var lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("step:", StringComparison.Ordinal) && l.Contains(": pause-10 (steps 10,25,50,100", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("paused:", StringComparison.Ordinal) && l.Contains("at 10%: paused at 10% as asked (--pause-at)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("limits:", StringComparison.Ordinal) && l.Contains("5xx-rate <= 30%", StringComparison.Ordinal) && l.Contains("health timeout 1s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedDryRunChangesNothingResumeUses()
    {
        await using var server = StartAccount();
        await RunAsync(PausedRun, server);
        var before = new Dictionary<string, string>(server.Account.Secret(GreenSecret).Tags);

        var (dryRun, _, _) = await RunAsync($"run --stack dev --dry-run --steps 100 {Zero}", server);
        var afterDryRun = new Dictionary<string, string>(server.Account.Secret(GreenSecret).Tags);
        var (exit, output, error) = await RunAsync("promote --stack dev", server);

        Assert.NotEqual(ExitCodes.Done, dryRun);
        Assert.Equal(before, afterDryRun);
        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Contains("\"step\":\"judge-25\"", project.Journal, StringComparison.Ordinal);
        Assert.Contains("\"step\":\"judge-50\"", project.Journal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeWithOtherStepsIsRefusedWithTheFixAndChangesNothing()
    {
        await using var server = StartAccount();
        await RunAsync(PausedRun, server);
        var calls = server.Calls.Count;

        var (exit, _, error) = await RunAsync("resume --stack dev --steps 10,50,100", server);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("add --reschedule to change it on purpose", error, StringComparison.Ordinal);
        Assert.Contains("'hsm-rotate abort --stack dev' and run again", error, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Calls.Skip(calls), c => c.Operation is "TagResource" or "ModifyListener");
    }
}
