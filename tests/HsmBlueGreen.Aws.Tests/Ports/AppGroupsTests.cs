using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ports;

public class AppGroupsTests
{
    private static LoopbackHarness Start() =>
        LoopbackHarness.Start(a => a.AddGroup(new FakeGroup("hsm-dev-green-app", 0, 4, 2, ["InService", "Terminating"])));

    [Fact]
    public async Task AGroupIsDescribedWithItsInstanceCounts()
    {
        await using var aws = Start();

        var group = await aws.Ports.AppGroups.DescribeAsync("hsm-dev-green-app", CancellationToken.None);

        Assert.Equal(new AppGroupState("hsm-dev-green-app", 2, 0, 4, InService: 1, Instances: 2), group);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task InstancesInStandbyAreCountedAsAttachedAndAsStandby()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddGroup(new FakeGroup("hsm-dev-green-app", 0, 4, 0, ["Standby", "EnteringStandby", "Terminating"])));

        var group = await aws.Ports.AppGroups.DescribeAsync("hsm-dev-green-app", CancellationToken.None);

        Assert.Equal((0, 3, 2), (group.InService, group.Instances, group.Standby));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task DesiredCapacityIsSet()
    {
        await using var aws = Start();

        await aws.Ports.AppGroups.SetDesiredCapacityAsync("hsm-dev-green-app", 0, CancellationToken.None);

        Assert.Equal(0, aws.Account.Group("hsm-dev-green-app").Desired);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AMissingGroupIsReportedWithWhereToLook()
    {
        await using var aws = Start();

        var error = await Assert.ThrowsAsync<AwsApiException>(() => aws.Ports.AppGroups.DescribeAsync("hsm-dev-blue-app", CancellationToken.None));

        Assert.Equal("auto scaling group hsm-dev-blue-app was not found; check the stack outputs (pulumi stack output) and the region.", error.Message);
    }
}
