using System.Text.Json.Nodes;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd;

/// <summary>
/// hsm-rotate wired exactly as it ships (the production ports factory, AWS adapters configured from the environment),
/// pointed with AWS_ENDPOINT_URL at a loopback AWS account, with a fake pulumi that answers the dev stack's outputs.
/// The CLI runs on the account's clock, so CloudWatch's periods and the run's waits agree.
/// </summary>
internal static class LoopbackCli
{
    public const string BlueSecret = "hsm-dev-blue-crypto-user";
    public const string GreenSecret = "hsm-dev-green-crypto-user";

    /// <summary>`pulumi stack output --json` of the dev stack, naming the loopback account's resources.</summary>
    public static readonly string StackOutputs = $$"""
        {"albArn": "{{Fixtures.LoadBalancerArn}}", "listenerArn": "{{Fixtures.ListenerArn}}", "albDnsName": "hsm-dev.example",
         "blueClusterId": "{{Fixtures.BlueCluster}}", "blueClusterSecurityGroupId": "sg-0123456789abcdef0",
         "blueTargetGroupArn": "{{Fixtures.BlueTargetGroup}}", "blueAppGroupName": "hsm-dev-blue-app",
         "blueSecretArn": "{{BlueSecret}}", "blueAdminInstanceId": "i-0aaaaaaaaaaaaaaa1",
         "greenClusterId": "{{Fixtures.GreenCluster}}", "greenClusterSecurityGroupId": "sg-0123456789abcdef1",
         "greenTargetGroupArn": "{{Fixtures.GreenTargetGroup}}", "greenAppGroupName": "hsm-dev-green-app",
         "greenSecretArn": "{{GreenSecret}}", "greenAdminInstanceId": "{{Fixtures.GreenAdminHost}}"}
        """;

    /// <summary>Green's admin host: the admin and the crypto user app_cu, neither locked, on every HSM.</summary>
    public static FakeHsmHost NewHsmHost() => new FakeHsmHost().Answer("user list", JsonNode.Parse("""
        {"error_code":0,"data":{"users":[
          {"username":"admin","role":"admin","locked":"false","mfa":[],"quorum":[],"cluster-coverage":"full"},
          {"username":"app_cu","role":"crypto-user","locked":"false","mfa":[],"quorum":[],"cluster-coverage":"full"}]}}
        """)!);

    public static Task<(int Exit, string Output, string Error)> RunAsync(
        string commandLine, LoopbackAwsServer server, FakePulumi pulumi, string projectDirectory, Action<Dictionary<string, string>>? changeEnvironment = null) =>
        RunAsync(commandLine, server, pulumi.Executable, projectDirectory, changeEnvironment);

    public static async Task<(int Exit, string Output, string Error)> RunAsync(
        string commandLine, LoopbackAwsServer server, string pulumiExecutable, string projectDirectory, Action<Dictionary<string, string>>? changeEnvironment = null)
    {
        var environment = new Dictionary<string, string>(server.Environment()) { [ProductionPorts.PulumiVariable] = pulumiExecutable };
        changeEnvironment?.Invoke(environment);
        var run = await new ProgramFixture { Environment = name => environment.GetValueOrDefault(name), WorkingDirectory = projectDirectory, Clock = server.Account.Clock }
            .RunAsync(commandLine.Split(' '));
        return (run.Exit, run.Out, run.Error);
    }
}
