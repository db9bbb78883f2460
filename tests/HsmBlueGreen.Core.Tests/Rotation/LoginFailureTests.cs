using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>A failed HSM login is never retried: the run stops (exit 3) and a resume needs the operator's acknowledgement.</summary>
public sealed class LoginFailureTests
{
    private const string GreenCluster = "cluster-green00000001";

    private static RotationHarness WithGreenFromAnotherBackup()
    {
        var harness = new RotationHarness();
        harness.Account.HsmUsers[GreenCluster].Password = "a-password-from-an-older-backup";
        return harness;
    }

    [Fact]
    public async Task FailedLoginInChangePasswordStopsForAnOperatorAfterOneAttempt()
    {
        var harness = WithGreenFromAnotherBackup();

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal(1, harness.Account.HsmUsers[GreenCluster].FailedLogins);
        Assert.Equal(1, harness.Account.Count("hsm.change-password"));
        Assert.Contains("Not retried", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedLoginMovesNoTraffic()
    {
        var harness = WithGreenFromAnotherBackup();

        await harness.RunAsync();

        Assert.Equal((0, 0), (harness.Account.WeightChanges, harness.Account.TargetPercent(Color.Green)));
    }

    [Fact]
    public async Task ResumeWithoutAcknowledgementAttemptsNoLogin()
    {
        var harness = WithGreenFromAnotherBackup();
        await harness.RunAsync();

        var result = await harness.ResumeAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("--acknowledge-login-failure", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, harness.Account.Count("hsm.change-password"));
        Assert.Equal(0, harness.Account.Count("hsm.login"));
    }

    [Fact]
    public async Task AcknowledgedResumeFinishesOnceTheOperatorFixedTheUser()
    {
        var harness = WithGreenFromAnotherBackup();
        await harness.RunAsync();
        harness.Account.HsmUsers[GreenCluster].Password = FakeAccount.BluePassword;

        var result = await harness.ResumeAsync(acknowledge: true);

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(100, harness.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task ALoginFailureMarkLeftOnAnOlderVersionMovesToThisAttempt()
    {
        // A long-aborted attempt kept its mark; Secrets Manager moves a label only when told which version loses it.
        var harness = WithGreenFromAnotherBackup();
        harness.Account.Secrets.Seed("arn:secret/green", "v-aborted-long-ago", new Credential("app_cu", new Sensitive("old")), RotationTokens.LoginFailedStage);

        var result = await harness.RunAsync();

        Assert.True(result.Outcome == RotationOutcome.NeedsOperator && result.Message.Contains("Not retried", StringComparison.Ordinal), result.Message);
        Assert.Equal(RotationTokens.For("v-blue-1").Pending, (await harness.Account.Secrets.DescribeAsync("arn:secret/green", default)).VersionWith(RotationTokens.LoginFailedStage));
    }

    [Fact]
    public async Task FailedVerificationLoginStopsWithoutPromotingTheSecret()
    {
        var harness = new RotationHarness();
        harness.Account.BeforeCall = call =>
        {
            if (call == "hsm.login")
            {
                harness.Account.HsmUsers[GreenCluster].Password = "partially-applied";
            }
        };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal(1, harness.Account.Count("hsm.login"));
        Assert.Equal(RotationTokens.For("v-blue-1").Seed, (await harness.Account.Secrets.DescribeAsync("arn:secret/green", default)).VersionWith(SecretStages.Current));
    }

    [Fact]
    public async Task LockedUserIsReportedWithoutAnyLoginAttempt()
    {
        var harness = new RotationHarness();
        harness.Account.HsmUsers[GreenCluster].FailedLogins = 5;

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("locked \"true\"", result.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), (harness.Account.Count("hsm.change-password"), harness.Account.Count("hsm.login")));
    }

    [Fact]
    public async Task IncompleteClusterCoverageStopsBeforeTheVerificationLogin()
    {
        var harness = new RotationHarness();
        harness.Account.BeforeCall = call =>
        {
            if (call == "hsm.change-password")
            {
                harness.Account.HsmUsers[GreenCluster].Coverage = "inconsistent";
            }
        };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("cluster-coverage \"inconsistent\"", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Account.Count("hsm.login"));
    }
}
