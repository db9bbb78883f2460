using HsmBlueGreen.Aws.Stack;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Aws.Tests.Stack;

public sealed class PulumiStackControlTests : IDisposable
{
    private const string Outputs = """
        {
          "albArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/hsm-dev/50dc6c495c0c9188",
          "listenerArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/hsm-dev/50dc6c495c0c9188/f2f7dc8efc522ab2",
          "albDnsName": "hsm-dev-1234.eu-west-1.elb.amazonaws.com",
          "blueClusterId": "cluster-blue2345abcde",
          "blueClusterSecurityGroupId": "sg-0123456789abcdef0",
          "blueTargetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/hsm-dev-blue/73e2d6bc24d8a067",
          "blueAppGroupName": "hsm-dev-blue-app",
          "blueSecretArn": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:hsm-dev-blue-AbCdEf",
          "blueAdminInstanceId": "i-0aaaaaaaaaaaaaaa1"
        }
        """;

    private readonly FakePulumi pulumi = new();

    public void Dispose() => pulumi.Dispose();

    private PulumiStackControl Stack(PulumiTimeouts? timeouts = null) => new(pulumi.Executable, pulumi.ProjectDirectory, timeouts ?? PulumiTimeouts.Default);

    [Fact]
    public async Task OutputsAreReadWithoutSecretsFromTheProjectDirectory()
    {
        pulumi.Answer(Outputs);

        var outputs = await Stack().GetOutputsAsync("dev", CancellationToken.None);

        Assert.Equal("hsm-dev-1234.eu-west-1.elb.amazonaws.com", outputs.AlbDnsName);
        Assert.Equal(new SlotOutputs("cluster-blue2345abcde", "sg-0123456789abcdef0", Fixtures.BlueTargetGroup, "hsm-dev-blue-app", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:hsm-dev-blue-AbCdEf", "i-0aaaaaaaaaaaaaaa1"), outputs.Slots[Color.Blue]);
        Assert.False(outputs.Slots.ContainsKey(Color.Green));
        var (arguments, directory) = Assert.Single(pulumi.Calls);
        Assert.Equal(["stack", "output", "--json", "--stack", "dev"], arguments);
        Assert.Equal(pulumi.ProjectDirectory, directory);
    }

    [Fact]
    public async Task AMissingOutputIsNamedWithTheFix()
    {
        pulumi.Answer(Outputs.Replace("\"blueAppGroupName\": \"hsm-dev-blue-app\",", string.Empty, StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<PulumiCommandException>(() => Stack().GetOutputsAsync("dev", CancellationToken.None));

        Assert.Equal("stack dev has no output 'blueAppGroupName'; run `pulumi up --stack dev` so the stack declares it (see `pulumi stack output --stack dev`).", error.Message);
    }

    /// <summary>The preview digest `pulumi preview --json` prints (pulumi/pulumi pkg/backend/display/json.go), trimmed: steps with op and urn, states and summary beside them.</summary>
    [Fact]
    public async Task APreviewIsReadAsTheOperationOnEachResource()
    {
        pulumi.Answer("""
            {
                "config": {"aws:region": "eu-west-1"},
                "steps": [
                    {"op": "same", "urn": "urn:pulumi:dev::hsm-blue-green::aws:lb/listener:Listener::listener", "provider": "urn:pulumi:dev::hsm-blue-green::pulumi:providers:aws::default_7_0_0::04da6b54", "oldState": {"type": "aws:lb/listener:Listener"}, "newState": {"type": "aws:lb/listener:Listener"}},
                    {"op": "create", "urn": "urn:pulumi:dev::hsm-blue-green::aws:cloudhsmv2/cluster:Cluster::green-cluster", "newState": {"type": "aws:cloudhsmv2/cluster:Cluster"}},
                    {"op": "replace", "urn": "urn:pulumi:dev::hsm-blue-green::aws:cloudhsmv2/hsm:Hsm::blue-hsm-eu-west-1a", "replaceReasons": ["subnetId"]}
                ],
                "duration": 5108000000,
                "changeSummary": {"create": 1, "replace": 1, "same": 1}
            }
            """);

        var preview = await Stack().PreviewAsync("dev", CancellationToken.None);

        Assert.Equal([("create", "green-cluster", false), ("replace", "blue-hsm-eu-west-1a", true)], preview.Changes.Select(s => (s.Op, s.Name, s.EndsAResource)));
        Assert.Equal(["preview", "--json", "--non-interactive", "--stack", "dev"], pulumi.Calls.Single().Arguments);
    }

    [Fact]
    public async Task PendingOperationsAreReadFromTheExportedStateWithTheirResourceAndType()
    {
        pulumi.Answer("""
            {
                "version": 3,
                "deployment": {
                    "manifest": {"time": "2026-11-29T10:00:00Z", "magic": "abc", "version": "v3.140.0"},
                    "secrets_providers": {"type": "service", "state": {"url": "https://api.pulumi.com"}},
                    "resources": [{"urn": "urn:pulumi:dev::hsm-blue-green::pulumi:pulumi:Stack::hsm-blue-green-dev", "custom": false, "type": "pulumi:pulumi:Stack"}],
                    "pending_operations": [
                        {"resource": {"urn": "urn:pulumi:dev::hsm-blue-green::aws:cloudhsmv2/cluster:Cluster::green-cluster", "custom": true, "type": "aws:cloudhsmv2/cluster:Cluster"}, "type": "creating"}
                    ]
                }
            }
            """);

        var pending = await Stack().PendingOperationsAsync("dev", CancellationToken.None);

        Assert.Equal([new PendingOperation("urn:pulumi:dev::hsm-blue-green::aws:cloudhsmv2/cluster:Cluster::green-cluster", "creating")], pending);
        Assert.Equal(["stack", "export", "--stack", "dev"], pulumi.Calls.Single().Arguments);
    }

    [Fact]
    public async Task AStateWithoutPendingOperationsHasNone()
    {
        pulumi.Answer("""{"version": 3, "deployment": {"manifest": {"time": "2026-11-29T10:00:00Z", "magic": "abc", "version": "v3.140.0"}, "resources": []}}""");

        Assert.Empty(await Stack().PendingOperationsAsync("dev", CancellationToken.None));
    }

    [Fact]
    public async Task AnExportThatIsNotAStackStateIsOneLineNamingTheCommand()
    {
        pulumi.Answer("error: no stack selected");

        var refused = await Assert.ThrowsAsync<PulumiCommandException>(() => Stack().PendingOperationsAsync("dev", CancellationToken.None));

        Assert.Equal("pulumi stack export --stack dev printed something that is not a stack's state; run it yourself to see why.", refused.Message);
    }

    [Fact]
    public async Task APreviewWithNothingToDoHasNoSteps()
    {
        pulumi.Answer("""{"changeSummary": {"same": 12}}""");

        var preview = await Stack().PreviewAsync("dev", CancellationToken.None);

        Assert.Empty(preview.Steps);
    }

    [Fact]
    public async Task ConfigIsSetByPath()
    {
        pulumi.Answer(string.Empty);

        await Stack().SetConfigAsync("dev", "traffic.green", "25", CancellationToken.None);

        Assert.Equal(["config", "set", "--path", "--stack", "dev", "--", "traffic.green", "25"], pulumi.Calls.Single().Arguments);
    }

    [Fact]
    public async Task ValuesThatBelongTogetherAreSetInOnePulumiWrite()
    {
        pulumi.Answer(string.Empty);

        await Stack().SetConfigValuesAsync("dev", [KeyValuePair.Create("traffic.blue", "75"), KeyValuePair.Create("traffic.green", "25")], CancellationToken.None);

        Assert.Equal(["config", "set-all", "--path", "--stack", "dev", "--plaintext", "traffic.blue=75", "--plaintext", "traffic.green=25"], pulumi.Calls.Single().Arguments);
    }

    [Fact]
    public async Task ConfigIsRemovedByPath()
    {
        pulumi.Answer(string.Empty);

        await Stack().RemoveConfigAsync("dev", "slots.blue", CancellationToken.None);

        Assert.Equal(["config", "rm", "--path", "--stack", "dev", "--", "slots.blue"], pulumi.Calls.Single().Arguments);
    }

    [Fact]
    public async Task UpIsTargetedAndSkipsThePreview()
    {
        pulumi.Answer(string.Empty);

        await Stack().UpAsync("dev", ["urn:pulumi:dev::hsm-blue-green::aws:lb/listener:Listener::listener"], CancellationToken.None);

        Assert.Equal(
            ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", "dev", "--target", "urn:pulumi:dev::hsm-blue-green::aws:lb/listener:Listener::listener"],
            pulumi.Calls.Single().Arguments);
    }

    [Fact]
    public async Task AFailureNamesTheCommandAndPulumisError()
    {
        pulumi.Answer(string.Empty, "warning: something\nerror: no stack named 'dev' found\n", exitCode: 255);

        var error = await Assert.ThrowsAsync<PulumiCommandException>(() => Stack().GetOutputsAsync("dev", CancellationToken.None));

        Assert.Equal("pulumi stack output --json --stack dev failed (exit 255): error: no stack named 'dev' found", error.Message);
    }

    [Fact]
    public async Task ACommandThatRunsTooLongIsStopped()
    {
        pulumi.Hang();

        var error = await Assert.ThrowsAsync<PulumiCommandException>(() =>
            Stack(PulumiTimeouts.Default with { Config = TimeSpan.FromMilliseconds(300) }).SetConfigAsync("dev", "traffic.green", "10", CancellationToken.None));

        Assert.StartsWith("pulumi config set --path --stack dev -- traffic.green 10 did not finish within 0.3 seconds and was stopped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingPulumiSaysHowToInstallIt()
    {
        var error = await Assert.ThrowsAsync<PulumiCommandException>(() =>
            new PulumiStackControl(Path.Combine(pulumi.ProjectDirectory, "no-such-pulumi"), pulumi.ProjectDirectory, PulumiTimeouts.Default).GetOutputsAsync("dev", CancellationToken.None));

        Assert.EndsWith("install the Pulumi CLI and put it on PATH.", error.Message, StringComparison.Ordinal);
    }
}
