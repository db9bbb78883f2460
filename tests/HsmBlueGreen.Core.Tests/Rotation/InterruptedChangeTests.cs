using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>
/// A crash between the HSMBG_PASSWORD_CHANGING mark and the change's result: resume reads SSM's command history
/// instead of spending a login with a password the HSM may not have.
/// </summary>
public sealed class InterruptedChangeTests
{
    private const string GreenCluster = "cluster-green00000001";

    private static async Task<RotationHarness> CrashedAtAsync(string call, Action<RotationHarness>? before = null)
    {
        var harness = new RotationHarness();
        before?.Invoke(harness);
        harness.Account.BeforeCall = c =>
        {
            if (c == call)
            {
                throw new InjectedCrashException(c);
            }
        };
        await Assert.ThrowsAsync<InjectedCrashException>(() => harness.RunAsync());
        harness.Account.BeforeCall = null;
        return harness;
    }

    [Fact]
    public async Task ACrashBeforeTheChangeWasSentIsResumedByChangingAgainWithoutAFailedLogin()
    {
        var harness = await CrashedAtAsync("hsm.change-password");

        var result = await harness.ResumeAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(0, harness.Account.HsmUsers[GreenCluster].FailedLogins);
        Assert.Single(harness.Account.CommandHistory);
    }

    [Fact]
    public async Task AChangeThatRanIsReadFromTheHistoryWithoutALoginOrASecondChange()
    {
        var expected = new RotationHarness();
        await expected.RunAsync();
        var harness = await CrashedAtAsync("hsm.change-password.sent");

        var result = await harness.ResumeAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Single(harness.Account.CommandHistory);
        Assert.Equal(expected.Account.Count("hsm.login"), harness.Account.Count("hsm.login"));
    }

    [Fact]
    public async Task AChangeWhoseLoginFailedIsMarkedFromTheHistoryWithoutAnotherLogin()
    {
        var harness = await CrashedAtAsync("hsm.change-password.sent", h => h.Account.HsmUsers[GreenCluster].Password = "from-an-older-backup");

        var result = await harness.ResumeAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("--acknowledge-login-failure", result.Message, StringComparison.Ordinal);
        Assert.Equal((1, 0), (harness.Account.HsmUsers[GreenCluster].FailedLogins, harness.Account.Count("hsm.login")));
    }

    [Fact]
    public async Task WhenSsmCannotTellTheResumeStopsForAnOperatorWithoutAnyLogin()
    {
        var harness = await CrashedAtAsync("hsm.change-password.sent");
        harness.Account.CommandHistoryUnknown = true;

        var result = await harness.ResumeAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains(RotationTokens.PasswordSetStage, result.Message, StringComparison.Ordinal);
        Assert.Equal((0, 1), (harness.Account.Count("hsm.login"), harness.Account.CommandHistory.Count));
    }
}
