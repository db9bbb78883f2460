using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Audit.Checks;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Audit;

public class SecretAndUserChecksTests
{
    private const string BlueSecret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:hsm-prod-blue-crypto-user-AbCdEf";

    [Fact]
    public async Task ARecentlyChangedSecretPasses()
    {
        var finding = await AuditAccount.Healthy().RunAsync(new SecretRotationCheck());

        Assert.Equal(AuditOutcome.Pass, finding.Outcome);
        Assert.Contains("blue: hsm-prod-blue-crypto-user last changed 10 days ago (2026-11-12)", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOldSecretFails()
    {
        var account = AuditAccount.Healthy();
        account.Secrets[BlueSecret] = account.Secrets[BlueSecret] with { LastChanged = AuditAccount.Now.AddDays(-200) };

        var finding = await account.RunAsync(new SecretRotationCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("last changed 200 days ago (2026-05-06), limit 90 days", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnOldSecretNamesTheCycleAsTheFix()
    {
        var account = AuditAccount.Healthy();
        account.Secrets[BlueSecret] = account.Secrets[BlueSecret] with { LastChanged = AuditAccount.Now.AddDays(-200) };

        var finding = await account.RunAsync(new SecretRotationCheck());

        Assert.StartsWith("rotate with 'hsm-rotate cycle --stack <stack>'", finding.Fix, StringComparison.Ordinal);
        Assert.Contains(".github/workflows/rotate.yml", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLaterOfRotatedAndChangedCounts()
    {
        var account = AuditAccount.Healthy();
        account.Secrets[BlueSecret] = account.Secrets[BlueSecret] with { LastChanged = AuditAccount.Now.AddDays(-200), LastRotated = AuditAccount.Now.AddDays(-1) };

        Assert.Equal(AuditOutcome.Pass, (await account.RunAsync(new SecretRotationCheck())).Outcome);
    }

    [Fact]
    public async Task UnlockedConsistentUsersPass()
    {
        var finding = await AuditAccount.Healthy().RunAsync(new HsmUsersCheck());

        Assert.Equal(AuditOutcome.Pass, finding.Outcome);
        Assert.Contains("green: app_cu (crypto-user) unlocked, full coverage, MFA off", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockedOrInconsistentUserFails()
    {
        var account = AuditAccount.Healthy();
        account.UserLists["i-blueadmin"] = new(new(HsmCommandOutcome.Succeeded, "listed"), [new("app_cu", "crypto-user", "true", "inconsistent", false)]);

        var finding = await account.RunAsync(new HsmUsersCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("blue: app_cu (crypto-user) locked=true, coverage=inconsistent, MFA off", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingUserFails()
    {
        var account = AuditAccount.Healthy();
        account.UserLists["i-blueadmin"] = new(new(HsmCommandOutcome.Succeeded, "listed"), []);

        Assert.Equal(AuditOutcome.Fail, (await account.RunAsync(new HsmUsersCheck())).Outcome);
    }

    [Fact]
    public async Task AnUnreachableAdminHostCannotBeTold()
    {
        var account = AuditAccount.Healthy();
        account.UserLists["i-greenadmin"] = new(new(HsmCommandOutcome.HostUnavailable, "instance i-greenadmin is not SSM-managed"), []);

        var finding = await account.RunAsync(new HsmUsersCheck());

        Assert.Equal(AuditOutcome.CannotTell, finding.Outcome);
        Assert.Contains("green: user list failed (HostUnavailable): instance i-greenadmin is not SSM-managed", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStackWithoutACryptoUserCannotBeTold()
    {
        var account = AuditAccount.Healthy();
        account.CryptoUsers.Remove(Color.Green);

        Assert.Equal(AuditOutcome.CannotTell, (await account.RunAsync(new HsmUsersCheck())).Outcome);
    }

    [Fact]
    public async Task QuorumIsReportedAsUnknownWithTheWayToCheckIt()
    {
        var finding = await AuditAccount.Healthy().RunAsync(new QuorumCheck());

        Assert.Equal(AuditOutcome.CannotTell, finding.Outcome);
        Assert.Contains("quorum token-sign list-quorum-values", finding.Fix, StringComparison.Ordinal);
    }
}
