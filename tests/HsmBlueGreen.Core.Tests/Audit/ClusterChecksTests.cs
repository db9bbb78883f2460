using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Audit.Checks;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Tests.Audit;

public class ClusterChecksTests
{
    [Fact]
    public async Task ClusterGroupOpenToClientGroupsOnlyPasses()
    {
        var finding = await AuditAccount.Healthy().RunAsync(new ClusterSecurityGroupCheck());

        Assert.Equal(AuditOutcome.Pass, finding.Outcome);
        Assert.Contains("blue: sg-bluecluster admits 2223-2225 from sg-0c11e47 only", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACidrOnTheHsmPortsFails()
    {
        var account = AuditAccount.Healthy();
        account.SecurityGroups["sg-greencluster"].Add(new("tcp", 2225, 2225, ["0.0.0.0/0"], []));

        var finding = await account.RunAsync(new ClusterSecurityGroupCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("green: sg-greencluster admits 0.0.0.0/0 (tcp 2225-2225)", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("revoke-security-group-ingress", finding.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AllTrafficFromACidrFails()
    {
        var account = AuditAccount.Healthy();
        account.SecurityGroups["sg-bluecluster"].Add(new("-1", null, null, ["10.0.0.0/8"], []));

        Assert.Equal(AuditOutcome.Fail, (await account.RunAsync(new ClusterSecurityGroupCheck())).Outcome);
    }

    [Fact]
    public async Task ACidrOnOtherPortsIsNotTheHsmChecksConcern()
    {
        var account = AuditAccount.Healthy();
        account.SecurityGroups["sg-bluecluster"].Add(new("tcp", 443, 443, ["10.0.0.0/8"], []));

        Assert.Equal(AuditOutcome.Pass, (await account.RunAsync(new ClusterSecurityGroupCheck())).Outcome);
    }

    [Fact]
    public async Task AMissingGroupCannotBeTold()
    {
        var account = AuditAccount.Healthy();
        account.SecurityGroups.Remove("sg-bluecluster");

        Assert.Equal(AuditOutcome.CannotTell, (await account.RunAsync(new ClusterSecurityGroupCheck())).Outcome);
    }

    [Fact]
    public async Task HsmsInTwoZonesPass()
    {
        Assert.Equal(AuditOutcome.Pass, (await AuditAccount.Healthy().RunAsync(new HsmZonesCheck())).Outcome);
    }

    [Fact]
    public async Task HsmsInOneZoneFail()
    {
        var account = AuditAccount.Healthy();
        account.Clusters["cluster-green"] = account.Clusters["cluster-green"] with { Hsms = [new("hsm-g1", "eu-west-1a", AuditAccount.SubnetA, HsmState.Active)] };

        var finding = await account.RunAsync(new HsmZonesCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("green: cluster-green has HSMs in eu-west-1a", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecentReadyBackupPasses()
    {
        Assert.Equal(AuditOutcome.Pass, (await AuditAccount.Healthy().RunAsync(new BackupsCheck())).Outcome);
    }

    [Fact]
    public async Task AStaleBackupFails()
    {
        var account = AuditAccount.Healthy();
        account.Backups["cluster-blue"] = [new("backup-old", "cluster-blue", "READY", AuditAccount.Now.AddDays(-5), false)];

        var finding = await account.RunAsync(new BackupsCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("blue: newest READY backup backup-old is 5 days old, limit 2 days", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoReadyBackupFails()
    {
        var account = AuditAccount.Healthy();
        account.Backups["cluster-blue"] = [new("backup-new", "cluster-blue", "CREATE_IN_PROGRESS", AuditAccount.Now, false)];

        var finding = await account.RunAsync(new BackupsCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("cluster-blue has no READY backup (1 in other states)", finding.Evidence, StringComparison.Ordinal);
    }
}
