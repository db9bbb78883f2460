using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Aws.Tests.Ports;

/// <summary>The composition entry point wired from an environment, as the CLI wires it.</summary>
public class AwsPortsTests
{
    private const string StackOutputs = """
        {"albArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/hsm-dev/50dc6c495c0c9188",
         "listenerArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/hsm-dev/50dc6c495c0c9188/f2f7dc8efc522ab2",
         "albDnsName": "hsm-dev.example", "blueClusterId": "cluster-blue2345abcde", "blueClusterSecurityGroupId": "sg-0123456789abcdef0",
         "blueTargetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/hsm-dev-blue/73e2d6bc24d8a067",
         "blueAppGroupName": "hsm-dev-blue-app", "blueSecretArn": "hsm-dev-blue-crypto-user", "blueAdminInstanceId": "i-0aaaaaaaaaaaaaaa1"}
        """;

    [Fact]
    public async Task EveryPortAStatusNeedsWorksFromTheEnvironmentAlone()
    {
        await using var server = LoopbackAwsServer.Start();
        server.Account
            .AddCluster(Fixtures.Cluster(Fixtures.BlueCluster))
            .AddListener(Fixtures.ListenerArn, (Fixtures.BlueTargetGroup, 100))
            .SetTargets(Fixtures.BlueTargetGroup, new FakeTarget("i-0aaaaaaaaaaaaaaa2", "healthy"))
            .AddGroup(new FakeGroup("hsm-dev-blue-app", 0, 4, 2, ["InService", "InService"]))
            .AddSecret("hsm-dev-blue-crypto-user", "{\"username\":\"app_cu\",\"password\":\"x-Passw0rd\"}");
        using var pulumi = new FakePulumi().Answer(StackOutputs);
        var environment = server.Environment();
        using var ports = AwsPorts.Create(new AwsSettings(name => environment.GetValueOrDefault(name), TimeProvider.System)
        {
            PulumiExecutable = pulumi.Executable,
            ProjectDirectory = pulumi.ProjectDirectory,
        });

        var outputs = await ports.StackControl.GetOutputsAsync("dev", CancellationToken.None);
        var blue = outputs.Slots[Color.Blue];
        var caller = await ports.CallerIdentity.GetAsync(CancellationToken.None);
        var cluster = await ports.ClusterControl.DescribeClusterAsync(blue.ClusterId, CancellationToken.None);
        var listener = await ports.LoadBalancer.GetListenerAsync(outputs.ListenerArn, CancellationToken.None);
        var health = await ports.LoadBalancer.GetTargetHealthAsync(blue.TargetGroupArn, CancellationToken.None);
        var group = await ports.AppGroups.DescribeAsync(blue.AppGroupName, CancellationToken.None);
        var versions = await ports.SecretStore.DescribeAsync(blue.SecretArn, CancellationToken.None);
        var lease = await ports.RotationLock.ReadAsync(blue.SecretArn, CancellationToken.None);

        Assert.Equal("123456789012", caller.Account);
        Assert.Equal(ClusterState.Active, cluster!.State);
        Assert.Equal(100, listener.Weights.Single().Weight);
        Assert.Equal(TargetHealthState.Healthy, health.Single().State);
        Assert.Equal(2, group.InService);
        Assert.NotNull(versions.VersionWith(SecretStages.Current));
        Assert.Null(lease);
        server.AssertConforms();
    }

    [Fact]
    public void NoRegionAnywhereIsAnActionableError()
    {
        var settings = new AwsSettings(_ => null, TimeProvider.System) { Region = " " };

        var error = Assert.Throws<AwsConfigurationException>(() => settings.ResolveRegion());

        Assert.Equal("no AWS region is set; set AWS_REGION (e.g. export AWS_REGION=eu-west-1), a region in your AWS profile, or the stack's aws:region (pulumi config set aws:region eu-west-1).", error.Message);
    }

    [Fact]
    public void TheRegionComesFromTheEnvironment() =>
        Assert.Equal("ap-southeast-2", new AwsSettings(name => name == "AWS_REGION" ? "ap-southeast-2" : null, TimeProvider.System).ResolveRegion());
}
