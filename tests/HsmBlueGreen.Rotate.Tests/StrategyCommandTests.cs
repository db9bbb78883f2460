using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>The verbs around a run (status, retire, resume) on stacks rotated by dual-user or maintenance-window.</summary>
public sealed class StrategyCommandTests
{
    [Fact]
    public async Task StatusOfADualUserStackWorksWithoutAStrategyOption()
    {
        using var cli = CliFixture.DualUser();
        await cli.RunAsync("run --stack dev --yes --strategy dual-user");

        var status = await cli.RunAsync("status --stack dev");

        Assert.Equal((Exit.Done, string.Empty), (status.Exit, status.Error));
    }

    [Fact]
    public async Task RetireIsRefusedWhenBothSlotsShareACluster()
    {
        using var cli = CliFixture.DualUser();

        var retire = await cli.RunAsync("retire blue --stack dev --yes --assume-drained");

        Assert.Equal(Exit.BadInput, retire.Exit);
        Assert.StartsWith("hsm-rotate retire: both slots use one cluster (dual-user)", retire.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PausedDualUserRunIsPromotedWithTheJournalsStrategy()
    {
        using var cli = CliFixture.DualUser();
        await cli.RunAsync("run --stack dev --yes --strategy dual-user --pause-at 50");

        var promote = await cli.RunAsync("promote --stack dev");

        Assert.Equal(Exit.Done, promote.Exit);
        Assert.Equal(100, cli.Account.TargetPercent(Color.Green));
        Assert.Equal(1, cli.Account.Count("hsm.change-password"));
    }

    [Fact]
    public async Task InterruptedMaintenanceWindowRunResumesWithTheJournalsStrategyAndWindow()
    {
        using var cli = new CliFixture();
        var blue = cli.Account.Outputs[Color.Blue].ClusterId;
        cli.Account.BeforeCall = call =>
        {
            if (call == "hsm.login")
            {
                throw new InvalidOperationException("connection lost after the change");
            }
        };
        await cli.RunAsync("run --stack dev --yes --strategy maintenance-window --window-start 05:30 --window-duration 1h");
        cli.Account.BeforeCall = null;

        var resume = await cli.RunAsync("resume --stack dev");

        Assert.Equal(Exit.Done, resume.Exit);
        Assert.Contains("measured downtime", resume.Out, StringComparison.Ordinal);
        Assert.Equal(cli.Account.Secrets.Value(cli.Account.Outputs[Color.Blue].SecretArn, "AWSCURRENT")!.Password.Reveal(), cli.Account.HsmUsers[blue].Password);
        Assert.Equal((1, 0), (cli.Account.Count("hsm.change-password"), cli.Account.TargetPercent(Color.Green)));
    }

    [Fact]
    public async Task ResumedMaintenanceWindowRunRestartsTheClientsAtTheCountTheyHadBeforeTheWindow()
    {
        using var cli = new CliFixture();
        cli.Account.BeforeCall = call =>
        {
            if (call == "hsm.login")
            {
                throw new InvalidOperationException("connection lost after the change");
            }
        };
        await cli.RunAsync("run --stack dev --yes --strategy maintenance-window --window-start 05:30 --window-duration 1h");
        cli.Account.BeforeCall = null;
        // What the real pulumi left in the stack file: the quiesce recorded the serving slot's count as 0.
        var stackFile = Path.Combine(cli.Directory, "Pulumi.dev.yaml");
        var quiesced = File.ReadAllText(stackFile).Replace("    blue:\n      clusterId: cluster-jxhlf7644ne\n      cryptoUser: app_cu\n      clientCount: 1", "    blue:\n      clusterId: cluster-jxhlf7644ne\n      cryptoUser: app_cu\n      clientCount: 0", StringComparison.Ordinal);
        Assert.NotEqual(File.ReadAllText(stackFile), quiesced);
        File.WriteAllText(stackFile, quiesced);

        var resume = await cli.RunAsync("resume --stack dev");

        Assert.Equal(Exit.Done, resume.Exit);
        Assert.Equal(1, cli.Account.Groups["asg-blue"].Desired);
    }

    [Fact]
    public async Task StatusAfterAMaintenanceWindowRunWorks()
    {
        using var cli = new CliFixture();
        await cli.RunAsync("run --stack dev --yes --strategy maintenance-window --window-start 05:30 --window-duration 1h");

        var status = await cli.RunAsync("status --stack dev");

        Assert.Equal((Exit.Done, string.Empty), (status.Exit, status.Error));
    }
}
