using HsmBlueGreen.Aws.Tests.Loopback;

namespace HsmBlueGreen.Aws.Tests.Support;

/// <summary>Ids and ARNs shaped as AWS shapes them (the models' patterns apply to requests and responses alike).</summary>
internal static class Fixtures
{
    public const string BlueCluster = "cluster-blue2345abcde";
    public const string GreenCluster = "cluster-green345abcde";
    public const string ListenerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/hsm-dev/50dc6c495c0c9188/f2f7dc8efc522ab2";
    public const string LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/hsm-dev/50dc6c495c0c9188";
    public const string BlueTargetGroup = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/hsm-dev-blue/73e2d6bc24d8a067";
    public const string GreenTargetGroup = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/hsm-dev-green/2453ed029918f21f";
    public const string GreenAdminHost = "i-0abcdef1234567890";

    public static FakeCluster Cluster(string id, string state = "ACTIVE", string? sourceBackup = null) => new(
        id, state, sourceBackup, "sg-0123456789abcdef0",
        [new FakeHsm("hsm-abcdefghijk2", "eu-west-1a", "subnet-0a1b2c3d4e5f60718"), new FakeHsm("hsm-abcdefghijk3", "eu-west-1b", "subnet-0a1b2c3d4e5f60719")]);
}
