using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Audit.Checks;

namespace HsmBlueGreen.Core.Tests.Audit;

public class NetworkChecksTests
{
    [Fact]
    public async Task SubnetsRoutedThroughNatArePrivate()
    {
        Assert.Equal(AuditOutcome.Pass, (await AuditAccount.Healthy().RunAsync(new PrivateSubnetsCheck())).Outcome);
    }

    [Fact]
    public async Task ASubnetWithItsOwnInternetRouteFails()
    {
        var account = AuditAccount.Healthy();
        account.RouteTables.Add(new("rtb-public", false, [AuditAccount.SubnetB], [new("0.0.0.0/0", "igw-0123")]));

        var finding = await account.RunAsync(new PrivateSubnetsCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("subnet-0bbb2222: rtb-public routes 0.0.0.0/0 to igw-0123", finding.Evidence, StringComparison.Ordinal);
        Assert.Contains("subnet-0aaa1111: rtb-main has no internet gateway route", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInternetRouteInTheMainTableFailsSubnetsWithoutTheirOwn()
    {
        var account = AuditAccount.Healthy();
        account.RouteTables[0] = account.RouteTables[0] with { Routes = [new("0.0.0.0/0", "igw-0123")] };

        Assert.Equal(AuditOutcome.Fail, (await account.RunAsync(new PrivateSubnetsCheck())).Outcome);
    }

    [Fact]
    public async Task AnUnknownSubnetCannotBeTold()
    {
        var account = AuditAccount.Healthy();
        account.Subnets.RemoveAt(1);

        var finding = await account.RunAsync(new PrivateSubnetsCheck());

        Assert.Equal(AuditOutcome.CannotTell, finding.Outcome);
        Assert.Contains("subnet subnet-0bbb2222 was not found", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingClusterLeavesItsSubnetsUnknown()
    {
        var account = AuditAccount.Healthy();
        account.Clusters.Remove("cluster-green");

        var finding = await account.RunAsync(new PrivateSubnetsCheck());

        Assert.Equal((AuditOutcome.CannotTell, "could not read: cluster cluster-green was not found in eu-west-1"), (finding.Outcome, finding.Evidence));
    }

    [Fact]
    public async Task AVpcFlowLogCoversTheSubnets()
    {
        var finding = await AuditAccount.Healthy().RunAsync(new FlowLogsCheck());

        Assert.Equal(AuditOutcome.Pass, finding.Outcome);
        Assert.Contains("subnet-0aaa1111: fl-vpc on vpc-0a1b2c3d (ALL)", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASubnetFlowLogCoversItsSubnetOnly()
    {
        var account = AuditAccount.Healthy();
        account.FlowLogs.Clear();
        account.FlowLogs.Add(new("fl-a", AuditAccount.SubnetA, "ACTIVE", "REJECT"));

        var finding = await account.RunAsync(new FlowLogsCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("subnet-0bbb2222: no active flow log on the subnet or vpc-0a1b2c3d", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInactiveFlowLogDoesNotCount()
    {
        var account = AuditAccount.Healthy();
        account.FlowLogs[0] = account.FlowLogs[0] with { Status = "INACTIVE" };

        Assert.Equal(AuditOutcome.Fail, (await account.RunAsync(new FlowLogsCheck())).Outcome);
    }
}
