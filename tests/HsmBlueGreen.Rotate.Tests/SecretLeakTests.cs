using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>
/// No secret reaches stdout, stderr, the journal, --json events or exception messages: full scenarios run through
/// the CLI with every writer captured, then every password the account ever held is searched for.
/// </summary>
public sealed class SecretLeakTests
{
    public static TheoryData<string, string[]> Scenarios() => new()
    {
        { "happy path, human and verbose", ["run --stack dev --yes --verbose", "status --stack dev"] },
        { "happy path, json", ["run --stack dev --yes --json", "status --stack dev --json"] },
        { "failed gate and rollback", ["run --stack dev --yes --verbose --max-5xx-rate 0"] },
        { "pause, abort", ["run --stack dev --yes --pause-at 25 --verbose", "abort --stack dev --verbose", "status --stack dev"] },
        { "pause, promote, retire", ["run --stack dev --yes --pause-at 50 --json", "promote --stack dev --json", "retire blue --stack dev --yes --assume-drained --verbose"] },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task NoPasswordAppearsInAnyOutputOrTheJournal(string scenario, string[] commands)
    {
        using var cli = new CliFixture();
        cli.Metrics.FailAtPercent = scenario.StartsWith("failed gate", StringComparison.Ordinal) ? 25 : null;
        foreach (var command in commands)
        {
            await cli.RunAsync(command);
        }

        AssertNoSecret(cli);
    }

    [Theory]
    [InlineData("run --stack dev --yes --strategy dual-user --verbose", "status --stack dev --json")]
    [InlineData("run --stack dev --yes --strategy dual-user --pause-at 25 --json", "promote --stack dev --verbose")]
    public async Task NoPasswordAppearsInADualUserRotation(string run, string then)
    {
        using var cli = CliFixture.DualUser();

        await cli.RunAsync(run);
        await cli.RunAsync(then);

        Assert.Equal(100, cli.Account.TargetPercent(Color.Green));
        AssertNoSecret(cli, FakeAccount.GreenPassword);
    }

    [Theory]
    [InlineData("run --stack dev --yes --strategy maintenance-window --window-start 05:30 --window-duration 1h --verbose", false)]
    [InlineData("run --stack dev --yes --strategy maintenance-window --window-start 05:30 --window-duration 1h --json", true)]
    public async Task NoPasswordAppearsInAMaintenanceWindowRotationOrItsRestore(string run, bool failVerification)
    {
        using var cli = new CliFixture();
        cli.Account.HsmUsers[cli.Account.Outputs[Color.Blue].ClusterId].Coverage = failVerification ? "partial" : "full";

        var result = await cli.RunAsync(run);
        await cli.RunAsync("status --stack dev --verbose");

        Assert.Equal(failVerification ? Exit.RolledBack : Exit.Done, result.Exit);
        AssertNoSecret(cli);
    }

    [Fact]
    public async Task MaintenanceWindowAbortAfterACrashRestoresTheOldPasswordWithoutLeakingIt()
    {
        using var cli = new CliFixture();
        var blue = cli.Account.Outputs[Color.Blue].ClusterId;
        cli.Account.BeforeCall = call =>
        {
            if (call == "hsm.login")
            {
                throw new InvalidOperationException("adapter failure after the change landed");
            }
        };
        await cli.RunAsync("run --stack dev --yes --strategy maintenance-window --window-start 05:30 --window-duration 1h --verbose");
        cli.Account.BeforeCall = null;

        var abort = await cli.RunAsync("abort --stack dev --verbose");

        Assert.Equal(Exit.Done, abort.Exit);
        Assert.Equal((FakeAccount.BluePassword, 1), (cli.Account.HsmUsers[blue].Password, cli.Account.Groups["asg-blue"].Desired));
        AssertNoSecret(cli);
    }

    [Fact]
    public async Task NoPasswordAppearsAfterAFailedLoginAndAnAcknowledgedResume()
    {
        using var cli = new CliFixture();
        var green = cli.Account.Outputs[Color.Green].ClusterId;
        cli.Account.HsmUsers[green].Password = "Older-Backup-Password-4411";
        await cli.RunAsync("run --stack dev --yes --verbose");
        await cli.RunAsync("resume --stack dev --json");
        cli.Account.HsmUsers[green].Password = FakeAccount.BluePassword;
        await cli.RunAsync("resume --stack dev --acknowledge-login-failure --verbose");

        AssertNoSecret(cli, "Older-Backup-Password-4411");
        Assert.Contains("--acknowledge-login-failure", cli.AllOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoPasswordAppearsInACrashReport()
    {
        using var cli = new CliFixture();
        cli.Account.BeforeCall = call =>
        {
            if (call == "hsm.login")
            {
                throw new InvalidOperationException("adapter failure while the run held both passwords");
            }
        };

        var run = await cli.RunAsync("run --stack dev --yes --verbose");

        Assert.Equal(Exit.Crashed, run.Exit);
        AssertNoSecret(cli);
    }

    private static void AssertNoSecret(CliFixture cli, params string[] more)
    {
        var output = cli.AllOutput;
        Assert.False(string.IsNullOrWhiteSpace(cli.Journal), "the scenario wrote no journal, so the scan would prove nothing");
        var secrets = cli.Account.Secrets.Generated.Concat(more).Append(FakeAccount.BluePassword).ToList();
        Assert.NotEmpty(cli.Account.Secrets.Generated.Concat(more));
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
            Assert.DoesNotContain(secret[..12], output, StringComparison.Ordinal);
        }
    }
}
