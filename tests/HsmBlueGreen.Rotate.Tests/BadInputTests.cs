using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>Bad input: one clear line on stderr naming what and the fix, exit 2 (3 where an operator must act), nothing changed.</summary>
public sealed class BadInputTests
{
    private static readonly string[] Mutations = ["lb.set", "secrets.put", "secrets.move", "groups.set", "stack.set", "stack.up", "stack.rm", "hsm.change-password", "lock.acquire"];

    [Theory]
    [InlineData("plan --stack nope", "hsm-rotate plan: unknown stack 'nope': there is no Pulumi.nope.yaml in")]
    [InlineData("run --stack nope --yes", "hsm-rotate run: unknown stack 'nope'")]
    [InlineData("plan --stack dev --steps 10,25,50", "hsm-rotate plan: --steps '10,25,50' ends at 50, not 100, so the rotation would never finish. Fix: end the list with 100, e.g. --steps 10,25,50,100.")]
    [InlineData("run --stack dev --yes --steps 50,25,100", "hsm-rotate run: --steps '50,25,100' is not increasing (50 then 25).")]
    [InlineData("run --stack dev --yes --bake 5minutes", "hsm-rotate run: --bake '5minutes' is not a duration: use a number with h, m or s, e.g. --bake 5m, 90s or 1h30m.")]
    [InlineData("run --stack dev --yes --pause-at 30", "hsm-rotate run: --pause-at 30 is not one of the steps (10,25,50,100).")]
    [InlineData("run --stack dev --yes --strategy dual-user", "hsm-rotate run: --strategy dual-user needs both slots on one existing cluster, but Pulumi.dev.yaml gives them different clusters. Fix: pulumi config set --stack dev --path 'slots.green.clusterId' cluster-jxhlf7644ne (and remove its sourceBackupId), then pulumi up.")]
    [InlineData("run --stack dev --yes --strategy maintenance-window", "hsm-rotate run: --strategy maintenance-window needs a window and Pulumi.dev.yaml has none. Fix: pass --window-start 02:00 --window-duration 1h, or pulumi config set --stack dev --path 'maintenanceWindow.start' 02:00 and --path 'maintenanceWindow.maxDuration' 1h.")]
    [InlineData("run --stack dev --yes --strategy maintenance-window --window-start 02:00", "hsm-rotate run: --window-start and --window-duration go together. Fix: pass both, e.g. --window-start 02:00 --window-duration 1h.")]
    [InlineData("run --stack dev --yes --strategy maintenance-window --window-start 2am --window-duration 1h", "hsm-rotate run: --window-start '2am' is not HH:mm (every day, UTC) or an ISO 8601 instant such as 2026-11-22T02:00Z.")]
    [InlineData("run --stack dev --yes --strategy blue-only", "hsm-rotate run: --strategy 'blue-only' is not a strategy. Fix: use one of green-cluster, dual-user, maintenance-window.")]
    [InlineData("run --stack dev --json", "hsm-rotate run: --json needs --yes")]
    [InlineData("retire purple --stack dev --yes", "hsm-rotate retire: unknown slot 'purple': a slot is blue or green.")]
    [InlineData("abort --stack dev --to purple", "hsm-rotate abort: unknown slot 'purple': a slot is blue or green.")]
    [InlineData("prepare --stack dev --json", "hsm-rotate prepare: --json needs --yes")]
    [InlineData("cycle --stack dev --yes --until shifted", "hsm-rotate cycle: --until shifted is not a stage; use one of prepared, rotated, retired (default retired).")]
    [InlineData("cycle --stack dev --json", "hsm-rotate cycle: --json needs --yes")]
    [InlineData("run --dev", "hsm-rotate run: unknown option '--dev'")]
    [InlineData("run --yes", "hsm-rotate run: --stack is required.")]
    public async Task BadInputIsOneLineWithExitCodeTwoAndChangesNothing(string commandLine, string message)
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync(commandLine);

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.StartsWith(message, run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain(cli.Account.Calls, Mutations.Contains);
    }

    [Fact]
    public async Task OtherSlotMissingFromTheDeployedStackIsBadInput()
    {
        using var cli = new CliFixture();
        cli.Account.Outputs.Remove(Color.Green);

        var run = await cli.RunAsync("run --stack dev --yes");

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.Equal("hsm-rotate: stack dev has no deployed green slot (no greenClusterId output). Fix: deploy it with 'pulumi up --stack dev', then run again.\n", run.Error);
        Assert.DoesNotContain(cli.Account.Calls, Mutations.Contains);
    }

    [Fact]
    public async Task OtherSlotNotActiveIsBadInput()
    {
        using var cli = new CliFixture();
        var green = cli.Account.Outputs[Color.Green].ClusterId;
        cli.Account.Clusters[green] = cli.Account.Clusters[green] with { State = ClusterState.Uninitialized };

        var run = await cli.RunAsync("run --stack dev --yes");

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.StartsWith($"hsm-rotate: green's cluster {green} is Uninitialized, not ACTIVE.", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Account.Calls, Mutations.Contains);
    }

    [Fact]
    public async Task TrafficAlreadySplitIsBadInput()
    {
        using var cli = new CliFixture();
        cli.Account.Weights = [new TargetGroupWeight("arn:tg/blue", 50), new TargetGroupWeight("arn:tg/green", 50)];

        var run = await cli.RunAsync("run --stack dev --yes");

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.StartsWith("hsm-rotate: traffic is already split (blue 50% / green 50% on the listener): a rotation is in progress. Fix: 'hsm-rotate resume --stack dev'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(cli.Account.Calls, Mutations.Contains);
    }

    [Fact]
    public async Task ConfigErrorsPrintOneLinePerKeyWithExitCodeTwo()
    {
        using var cli = new CliFixture();
        File.WriteAllText(Path.Combine(cli.Directory, "Pulumi.dev.yaml"), File.ReadAllText(Path.Combine(cli.Directory, "Pulumi.dev.yaml")).Replace("vpc-0d3f5a7b9c1e24680", "vpc-nope", StringComparison.Ordinal));

        var run = await cli.RunAsync("plan --stack dev");

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.StartsWith("hsm-rotate plan: hsm-blue-green:vpcId = \"vpc-nope\"", run.Error, StringComparison.Ordinal);
    }
}
