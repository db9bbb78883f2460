namespace HsmBlueGreen.Rotate.Tests.Cli;

/// <summary>Values that make no sense are refused by `plan` and `run` alike, before anything is read from AWS.</summary>
public sealed class ValueCheckTests
{
    [Theory]
    [InlineData("--health-timeout 0s", "--health-timeout must be longer than 0s")]
    [InlineData("--max-latency 0ms", "--max-latency must be longer than 0s")]
    [InlineData("--bake 0s", "--bake 0s judges every gate the moment traffic moves, on whatever data exists. Fix: give a bake, e.g. --bake 5m, or add --acknowledge-no-bake to mean it.")]
    [InlineData("--strategy maintenance-window --window-start 02:00 --window-duration 5m", "the window is 5m, shorter than the plan's own estimate of about 8m")]
    [InlineData("--strategy maintenance-window --window-start 2020-01-01T02:00Z --window-duration 1h", "the window from --window-start (2020-01-01T02:00Z for up to 1h) ended before now")]
    public async Task PlanAndRunRefuseTheSameValue(string options, string message)
    {
        using var cli = new CliFixture();

        var plan = await cli.RunAsync($"plan --stack dev {options}");
        var run = await cli.RunAsync($"run --stack dev --yes {options}");

        Assert.Equal((Exit.BadInput, Exit.BadInput), (plan.Exit, run.Exit));
        Assert.StartsWith($"hsm-rotate plan: {message}", plan.Error, StringComparison.Ordinal);
        Assert.StartsWith($"hsm-rotate run: {message}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Account.Calls, call => call.StartsWith("lb.set", StringComparison.Ordinal) || call.StartsWith("hsm.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AZeroBakeIsAcceptedWhenAcknowledged()
    {
        using var cli = new CliFixture();

        var plan = await cli.RunAsync("plan --stack dev --bake 0s --acknowledge-no-bake");

        Assert.Equal(Exit.Done, plan.Exit);
    }
}
