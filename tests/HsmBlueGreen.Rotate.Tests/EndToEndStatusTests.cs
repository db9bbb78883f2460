using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>
/// hsm-rotate wired exactly as it ships (the production ports factory, AWS adapters configured from the environment),
/// pointed with AWS_ENDPOINT_URL at the loopback AWS account that checks every request against the service models.
/// </summary>
public sealed class EndToEndStatusTests : IDisposable
{
    private const string Password = "e2e-Blue-Passw0rd-never-printed";

    private static readonly string StackOutputs = $$"""
        {"albArn": "{{Fixtures.LoadBalancerArn}}", "listenerArn": "{{Fixtures.ListenerArn}}", "albDnsName": "hsm-dev.example",
         "blueClusterId": "{{Fixtures.BlueCluster}}", "blueClusterSecurityGroupId": "sg-0123456789abcdef0",
         "blueTargetGroupArn": "{{Fixtures.BlueTargetGroup}}", "blueAppGroupName": "hsm-dev-blue-app",
         "blueSecretArn": "hsm-dev-blue-crypto-user", "blueAdminInstanceId": "i-0aaaaaaaaaaaaaaa1",
         "greenClusterId": "{{Fixtures.GreenCluster}}", "greenClusterSecurityGroupId": "sg-0123456789abcdef1",
         "greenTargetGroupArn": "{{Fixtures.GreenTargetGroup}}", "greenAppGroupName": "hsm-dev-green-app",
         "greenSecretArn": "hsm-dev-green-crypto-user", "greenAdminInstanceId": "{{Fixtures.GreenAdminHost}}"}
        """;

    private readonly CliFixture project = new();
    private readonly FakePulumi pulumi = new FakePulumi().Answer(StackOutputs);

    [Fact]
    public async Task StatusRunsThroughTheRealAdaptersAgainstAConformingEndpoint()
    {
        await using var server = StartAccount();

        var (exit, output, error) = await RunAsync("status --stack dev", server);

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}");
        Assert.Contains(Fixtures.BlueCluster, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, output + error, StringComparison.Ordinal);
        Assert.Contains(server.Calls, call => call.Operation == "DescribeListeners");
        Assert.Contains(pulumi.Calls, call => call.Arguments.Contains("output") && !call.Arguments.Contains("--show-secrets"));
        server.AssertConforms();
    }

    [Fact]
    public async Task AccessDeniedStopsWithOneLineNamingTheAction()
    {
        await using var server = StartAccount();
        server.Account.Deny("DescribeListeners", Fixtures.ListenerArn);

        var (exit, _, error) = await RunAsync("status --stack dev", server);

        Assert.Equal(ExitCodes.NeedsOperator, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("hsm-rotate status: ", line, StringComparison.Ordinal);
        Assert.Contains("DescribeListeners", line, StringComparison.Ordinal);
    }

    private static LoopbackAwsServer StartAccount()
    {
        var server = LoopbackAwsServer.Start();
        server.Account
            .AddCluster(Fixtures.Cluster(Fixtures.BlueCluster))
            .AddCluster(Fixtures.Cluster(Fixtures.GreenCluster, sourceBackup: "backup-rtq2dwi2gq6"))
            .AddListener(Fixtures.ListenerArn, (Fixtures.BlueTargetGroup, 100))
            .SetTargets(Fixtures.BlueTargetGroup, new FakeTarget("i-0aaaaaaaaaaaaaaa2", "healthy"))
            .SetTargets(Fixtures.GreenTargetGroup)
            .AddGroup(new FakeGroup("hsm-dev-blue-app", 0, 4, 1, ["InService"]))
            .AddGroup(new FakeGroup("hsm-dev-green-app", 0, 4, 0, []))
            .AddSecret("hsm-dev-blue-crypto-user", $"{{\"username\":\"app_cu\",\"password\":\"{Password}\"}}");
        server.Account.AddSecret("hsm-dev-green-crypto-user", $"{{\"username\":\"app_cu\",\"password\":\"{Password}\"}}");
        return server;
    }

    public void Dispose()
    {
        pulumi.Dispose();
        project.Dispose();
    }

    private async Task<(int Exit, string Output, string Error)> RunAsync(string commandLine, LoopbackAwsServer server)
    {
        var environment = new Dictionary<string, string>(server.Environment()) { [ProductionPorts.PulumiVariable] = pulumi.Executable };
        var (output, error) = (new StringWriter(), new StringWriter());
        var context = new CliContext(output, error, new StringReader(string.Empty), name => environment.GetValueOrDefault(name), project.Directory, TimeProvider.System, CancellationToken.None);
        var exit = await new CliHost(Cli.Commands.All()).RunAsync(commandLine.Split(' '), context);
        return (exit, output.ToString(), error.ToString());
    }
}
