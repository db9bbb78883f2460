using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ports;

/// <summary>The audit's EC2 reads against the loopback account, in EC2's own Query dialect.</summary>
public class NetworkInventoryTests
{
    private const string Vpc = "vpc-0a1b2c3d";

    [Fact]
    public async Task IngressIsReadWithCidrsPrefixesAndSourceGroups()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddSecurityGroup(new("sg-0123456789abcdef0", Vpc,
        [
            new("tcp", 2223, 2225, [], ["sg-0c11e47"]),
            new("-1", null, null, ["10.0.0.0/8"], [], ["::/0"]),
        ])));

        var rules = await aws.Ports.AccountInventory.DescribeIngressAsync("sg-0123456789abcdef0", CancellationToken.None);

        Assert.Equal(
            [("tcp", (int?)2223, (int?)2225, "", "sg-0c11e47"), ("-1", null, null, "10.0.0.0/8,::/0", "")],
            rules!.Select(r => (r.Protocol, r.FromPort, r.ToPort, string.Join(",", r.Cidrs), string.Join(",", r.SourceGroups))));
        Assert.Equal("sg-0123456789abcdef0", aws.Server.CallsTo("DescribeSecurityGroups").Single().Input["GroupIds"]![0]!.GetValue<string>());
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AnUnknownSecurityGroupIsNull()
    {
        await using var aws = LoopbackHarness.Start();

        Assert.Null(await aws.Ports.AccountInventory.DescribeIngressAsync("sg-0123456789abcdef0", CancellationToken.None));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task SubnetsAreFilteredByIdAcrossPages()
    {
        await using var aws = LoopbackHarness.Start(a =>
        {
            a.PageSize = 1;
            a.AddSubnet(new("subnet-0aaa1111", Vpc, "eu-west-1a")).AddSubnet(new("subnet-0bbb2222", Vpc, "eu-west-1b", MapPublicIpOnLaunch: true)).AddSubnet(new("subnet-0ccc3333", Vpc, "eu-west-1c"));
        });

        var subnets = await aws.Ports.AccountInventory.DescribeSubnetsAsync(["subnet-0aaa1111", "subnet-0bbb2222"], CancellationToken.None);

        Assert.Equal([new SubnetInfo("subnet-0aaa1111", Vpc, "eu-west-1a", false), new SubnetInfo("subnet-0bbb2222", Vpc, "eu-west-1b", true)], subnets);
        Assert.Equal(2, aws.Server.CallsTo("DescribeSubnets").Count());
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task RouteTablesCarryTheMainFlagTheirSubnetsAndRouteTargets()
    {
        await using var aws = LoopbackHarness.Start(a => a
            .AddRouteTable(new("rtb-0main", Vpc, true, [], [("10.0.0.0/16", "local"), ("0.0.0.0/0", "nat-0123456789abcdef0")]))
            .AddRouteTable(new("rtb-0public", Vpc, false, ["subnet-0bbb2222"], [("0.0.0.0/0", "igw-0123456789abcdef0")]))
            .AddRouteTable(new("rtb-0other", "vpc-0ffff000", true, [], [])));

        var tables = await aws.Ports.AccountInventory.DescribeRouteTablesAsync(Vpc, CancellationToken.None);

        Assert.Equal(["rtb-0main", "rtb-0public"], tables.Select(t => t.RouteTableId));
        Assert.True(tables[0].Main);
        Assert.Equal([new RouteInfo("10.0.0.0/16", "local"), new RouteInfo("0.0.0.0/0", "nat-0123456789abcdef0")], tables[0].Routes);
        Assert.Equal((false, "subnet-0bbb2222", "igw-0123456789abcdef0"), (tables[1].Main, tables[1].SubnetIds.Single(), tables[1].Routes.Single().Target));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task FlowLogsAreReadForTheGivenResources()
    {
        await using var aws = LoopbackHarness.Start(a => a
            .AddFlowLog(new("fl-0aaa", Vpc)).AddFlowLog(new("fl-0bbb", "subnet-0aaa1111", "INACTIVE", "REJECT")).AddFlowLog(new("fl-0ccc", "vpc-0ffff000")));

        var logs = await aws.Ports.AccountInventory.DescribeFlowLogsAsync([Vpc, "subnet-0aaa1111"], CancellationToken.None);

        Assert.Equal([new FlowLogInfo("fl-0aaa", Vpc, "ACTIVE", "ALL"), new FlowLogInfo("fl-0bbb", "subnet-0aaa1111", "INACTIVE", "REJECT")], logs);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task ADeniedReadNamesTheEc2Action()
    {
        await using var aws = LoopbackHarness.Start(a => a.Deny("DescribeFlowLogs", "*"));

        var error = await Assert.ThrowsAsync<AwsApiException>(() => aws.Ports.AccountInventory.DescribeFlowLogsAsync([Vpc], CancellationToken.None));

        Assert.StartsWith("AWS denied ec2:DescribeFlowLogs on *", error.Message, StringComparison.Ordinal);
        Assert.Equal(("AccessDenied", "00000000-0000-4000-8000-000000000001"), (error.ErrorCode, error.RequestId));
        aws.Server.AssertConforms();
    }
}
