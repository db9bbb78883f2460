using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>`prepare` and `cycle` through the CLI host on the dev stack (green configured from backup-rtq2dwi2gq6).</summary>
public sealed class PrepareCommandTests
{
    [Fact]
    public async Task AGreenAlreadyRestoredFromItsConfiguredBackupAndActiveIsPreparedWithNothingChanged()
    {
        using var cli = new CliFixture();
        var green = cli.Account.Outputs[Color.Green].ClusterId;
        cli.Account.Clusters[green] = cli.Account.Clusters[green] with { SourceBackupId = "backup-rtq2dwi2gq6" };

        var run = await cli.RunAsync("prepare --stack dev --yes");

        Assert.True(run.Exit == Exit.Done, run.Error);
        Assert.Contains($"green prepared: cluster {green} restored from backup backup-rtq2dwi2gq6", run.Out, StringComparison.Ordinal);
        Assert.Equal((0, 0), (cli.Account.ConfigWrites.Count, cli.Account.Ups.Count));
    }

    [Fact]
    public async Task AConfiguredBackupThatNoLongerExistsIsBadInputWithTheFix()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("prepare --stack dev --yes");

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.Contains("backup backup-rtq2dwi2gq6 does not exist", run.Error, StringComparison.Ordinal);
        Assert.Contains("pulumi config rm --stack dev --path 'slots.green', then 'hsm-rotate prepare --stack dev'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CycleUntilPreparedStopsAtAnActiveGreenThatIsNotRotatedYet()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("cycle --stack dev --yes --until prepared");

        Assert.True(run.Exit == Exit.Done, run.Error);
        Assert.DoesNotContain(cli.Account.Calls, c => c is "stack.set" or "stack.up" or "secrets.put" or "lb.set");
    }

    [Fact]
    public async Task CycleTakesTheRunsAcknowledgementOfAZeroBake()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("cycle --stack dev --yes --until prepared --bake 0s --acknowledge-no-bake");

        Assert.True(run.Exit == Exit.Done, run.Error);
    }
}
