using System.Text.Json;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>The verbs end to end through the CLI host, against the in-memory account.</summary>
public sealed class RotationCommandTests
{
    [Fact]
    public async Task RunWithYesRotatesAndExitsZero()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev --yes");

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Equal(100, cli.Account.TargetPercent(Color.Green));
        Assert.Contains("green serves 100% with its new password.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HumanOutputShowsStepsWeightsBakeAndGates()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev --yes");

        Assert.Contains("[set-weight-25] listener reads blue 75% / green 25%; settling 30s", run.Out, StringComparison.Ordinal);
        Assert.Contains("[bake-25] baking at 25%: 5m left", run.Out, StringComparison.Ordinal);
        Assert.Contains("[judge-25] 5xx-rate: Successful - 0 5xx from the targets in 500 requests (0%, limit 1%) in 2 complete minute(s) 06:07-06:09 UTC", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("secretsmanager:", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerboseOutputShowsEveryAwsCall()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev --yes --verbose");

        Assert.Contains("[promote-secret] move AWSCURRENT to", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonPrintsOneEventObjectPerLine()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev --yes --json");

        var events = run.Out.TrimEnd('\n').Split('\n').Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(Exit.Done, run.Exit);
        Assert.Equal("run-started", events[0].GetProperty("kind").GetString());
        Assert.Equal(("finished", "ended"), (events[^2].GetProperty("kind").GetString(), events[^1].GetProperty("kind").GetString()));
        Assert.Contains(events, e => e.GetProperty("kind").GetString() == "gate" && e.GetProperty("data").GetProperty("verdict").GetString() == "Successful");
    }

    [Fact]
    public async Task JournalRecordsEveryApiCallAsJsonLines()
    {
        using var cli = new CliFixture();

        await cli.RunAsync("run --stack dev --yes");

        var calls = cli.Journal.TrimEnd('\n').Split('\n').Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("kind").GetString() == "call").Select(e => e.GetProperty("data").GetProperty("api").GetString()).ToList();
        Assert.Equal(5, calls.Count(c => c == "elbv2:ModifyListener") + 1);
        Assert.Contains("ssm:SendCommand", calls);
        Assert.Contains("secretsmanager:PutSecretValue", calls);
    }

    [Fact]
    public async Task DeclinedConfirmationChangesNothingAndExitsThree()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev", input: "n\n");

        Assert.Equal(Exit.NeedsOperator, run.Exit);
        Assert.Contains("Rotate dev: set a new password on green and shift traffic 10 -> 25 -> 50 -> 100% from blue? [y/N]", run.Out, StringComparison.Ordinal);
        Assert.Equal(0, cli.Account.Count("secrets.put"));
    }

    [Fact]
    public async Task ConfirmedRunProceeds()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("run --stack dev", input: "y\n");

        Assert.Equal(Exit.Done, run.Exit);
    }

    [Fact]
    public async Task FailedGateExitsOneAfterRollingBack()
    {
        using var cli = new CliFixture();
        cli.Metrics.FailAtPercent = 25;

        var run = await cli.RunAsync("run --stack dev --yes");

        Assert.Equal(Exit.RolledBack, run.Exit);
        Assert.StartsWith("hsm-rotate: rolled back: all traffic on blue (gate 5xx-rate failed during the bake at 25%: 62 5xx from the targets in 250 requests (24.8%, limit 1%) in 1 complete minute(s) 06:07-06:08 UTC).", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, cli.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task AfterARollbackTheAdviceNamesTheSecretsStateAndARunAgainFinishes()
    {
        using var cli = new CliFixture();
        cli.Metrics.FailAtPercent = 25;
        var rolledBack = await cli.RunAsync("run --stack dev --yes");
        cli.Metrics.FailAtPercent = null;

        var again = await cli.RunAsync("run --stack dev --yes");

        Assert.Equal((Exit.RolledBack, Exit.Done), (rolledBack.Exit, again.Exit));
        Assert.Contains("green's secret keeps the new password as AWSCURRENT (its cluster has it, its clients use it, it serves no traffic); blue's secret and password are untouched. Next: fix what the gate found, then 'hsm-rotate run --stack dev' again.", rolledBack.Error, StringComparison.Ordinal);
        Assert.Equal(100, cli.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task FailedLoginExitsThreeAndResumeNeedsTheAcknowledgement()
    {
        using var cli = new CliFixture();
        cli.Account.HsmUsers[cli.Account.Outputs[Color.Green].ClusterId].Password = "older-backup-password";

        var first = await cli.RunAsync("run --stack dev --yes");
        var refused = await cli.RunAsync("resume --stack dev");
        cli.Account.HsmUsers[cli.Account.Outputs[Color.Green].ClusterId].Password = FakeAccount.BluePassword;
        var acknowledged = await cli.RunAsync("resume --stack dev --acknowledge-login-failure");

        Assert.Equal((Exit.NeedsOperator, Exit.NeedsOperator, Exit.Done), (first.Exit, refused.Exit, acknowledged.Exit));
        Assert.Contains("Not retried: the user locks after 5 failed logins.", first.Error, StringComparison.Ordinal);
        Assert.Equal(1, cli.Account.HsmUsers[cli.Account.Outputs[Color.Green].ClusterId].FailedLogins);
    }

    [Fact]
    public async Task ConcurrentRunIsRefusedWithExitThree()
    {
        using var cli = new CliFixture();
        cli.Account.Leases["arn:secret/green"] = new RotationLease("other-run", "arn:aws:iam::1:role/ci", cli.Account.Clock.GetUtcNow().AddMinutes(10));

        var run = await cli.RunAsync("run --stack dev --yes");

        Assert.Equal(Exit.NeedsOperator, run.Exit);
        Assert.StartsWith("hsm-rotate: another rotation holds the lock on green's secret: run other-run by arn:aws:iam::1:role/ci", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, cli.Account.Count("secrets.put"));
    }

    [Fact]
    public async Task PauseAtThenPromoteFinishesTheRotation()
    {
        using var cli = new CliFixture();

        var paused = await cli.RunAsync("run --stack dev --yes --pause-at 50");
        var promoted = await cli.RunAsync("promote --stack dev");

        Assert.Equal((Exit.NeedsOperator, Exit.Done), (paused.Exit, promoted.Exit));
        Assert.Equal(100, cli.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task PromoteWithoutAPauseIsBadInput()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("promote --stack dev");

        Assert.Equal(Exit.BadInput, run.Exit);
        Assert.StartsWith("hsm-rotate promote: nothing to promote", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResumeKeepsTheInterruptedRunsSchedule()
    {
        using var cli = new CliFixture();
        await cli.RunAsync("run --stack dev --yes --steps 20,100 --pause-at 20");

        var promoted = await cli.RunAsync("promote --stack dev");

        Assert.Equal(Exit.Done, promoted.Exit);
        Assert.Equal((2, 2), (cli.Account.WeightChanges, cli.Account.Ups.Count));
    }

    [Fact]
    public async Task AbortPutsTrafficBackAndExitsZero()
    {
        using var cli = new CliFixture();
        await cli.RunAsync("run --stack dev --yes --pause-at 25");

        var run = await cli.RunAsync("abort --stack dev");

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Equal(0, cli.Account.TargetPercent(Color.Green));
        Assert.Contains("aborted: rolled back: all traffic on blue (aborted by the operator); green's secret keeps its promoted password.", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StatusShowsPhaseWeightsHealthAndSecretStages()
    {
        using var cli = new CliFixture();
        await cli.RunAsync("run --stack dev --yes --pause-at 25");

        var run = await cli.RunAsync("status --stack dev");

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Contains("phase:         shift: green at 25%", run.Out, StringComparison.Ordinal);
        Assert.Contains("weights:       blue 75% / green 25%", run.Out, StringComparison.Ordinal);
        Assert.Contains("green secret:  ", run.Out, StringComparison.Ordinal);
        Assert.Contains("AWSCURRENT", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetireAfterTheDrainRemovesTheSlot()
    {
        using var cli = new CliFixture();
        await cli.RotateAndDrainBlueAsync();

        var run = await cli.RunAsync("retire blue --stack dev --yes");

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Contains("Next rotation: pulumi config set --stack dev --path 'slots.blue.sourceBackupId' backup-green00000009", run.Out, StringComparison.Ordinal);
        Assert.Equal("<removed>", cli.Account.Config["slots.blue"]);
    }

    [Fact]
    public async Task RetireAsksOnlyAfterItsChecksPass()
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("retire blue --stack dev", input: "y\n");

        Assert.Equal(Exit.NeedsOperator, run.Exit);
        Assert.DoesNotContain("[y/N]", run.Out, StringComparison.Ordinal);
        Assert.StartsWith("hsm-rotate: blue still has weight 100% on the listener", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CrashIsReportedWithItsDetailAndExitThree()
    {
        using var cli = new CliFixture();
        cli.CrashAt("hsm.change-password");

        var crashed = await cli.RunAsync("run --stack dev --yes");
        cli.Account.BeforeCall = null;
        var resumed = await cli.RunAsync("resume --stack dev");

        Assert.Equal(Exit.Crashed, crashed.Exit);
        Assert.StartsWith("hsm-rotate run: crashed: InjectedCrashException: injected crash at hsm.change-password", crashed.Error, StringComparison.Ordinal);
        Assert.Equal(Exit.Done, resumed.Exit);
        Assert.Contains("an earlier change-password was interrupted before SSM ran it on the host; changing again", resumed.Out, StringComparison.Ordinal);
    }
}
