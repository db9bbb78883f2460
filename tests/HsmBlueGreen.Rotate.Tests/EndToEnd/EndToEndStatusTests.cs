using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd;

/// <summary>`hsm-rotate status` through the shipped wiring against the loopback account (see <see cref="LoopbackCli"/>).</summary>
public sealed class EndToEndStatusTests : IDisposable
{
    private const string Password = "e2e-Blue-Passw0rd-never-printed";

    private readonly CliFixture project = new();
    private readonly FakePulumi pulumi = new FakePulumi().Answer(LoopbackCli.StackOutputs);

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

    [Fact]
    public async Task WithoutARegionInTheEnvironmentTheStacksAwsRegionIsUsed()
    {
        await using var server = StartAccount();

        var (exit, output, error) = await RunAsync("status --stack dev", server, e => e.Remove("AWS_REGION"));

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}");
        Assert.Contains(server.Calls, call => call.Operation == "DescribeListeners");
    }

    [Fact]
    public async Task ARegionInTheEnvironmentOtherThanTheStacksIsRefusedBeforeAnyAwsCall()
    {
        await using var server = StartAccount();

        var (exit, _, error) = await RunAsync("status --stack dev", server, e => e["AWS_REGION"] = "eu-central-1");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(
            "hsm-rotate status: AWS_REGION is eu-central-1 but stack dev's aws:region is eu-west-1, where its resources are. Fix: unset AWS_REGION (the stack's region is then used) or export AWS_REGION=eu-west-1.",
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        Assert.Empty(server.Calls);
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
            .AddSecret(LoopbackCli.BlueSecret, $"{{\"username\":\"app_cu\",\"password\":\"{Password}\"}}");
        server.Account.AddSecret(LoopbackCli.GreenSecret, $"{{\"username\":\"app_cu\",\"password\":\"{Password}\"}}");
        return server;
    }

    public void Dispose()
    {
        pulumi.Dispose();
        project.Dispose();
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(string commandLine, LoopbackAwsServer server, Action<Dictionary<string, string>>? changeEnvironment = null) =>
        LoopbackCli.RunAsync(commandLine, server, pulumi, project.Directory, changeEnvironment);
}
