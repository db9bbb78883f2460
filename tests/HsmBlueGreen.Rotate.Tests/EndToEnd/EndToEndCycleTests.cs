using System.Text.Json.Nodes;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;
using FakeBackup = HsmBlueGreen.Aws.Tests.Loopback.FakeBackup;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd;

/// <summary>
/// `cycle` end to end through the shipped wiring, the real AWS adapters and a pulumi that applies the infra
/// program's slot changes to the loopback account. The stack starts as a finished cycle leaves it: blue serves,
/// restored from an earlier backup, and no green slot. A cycle restores green from blue's newest backup holding
/// blue's password, rotates green's password, shifts traffic, waits for blue's drain and retires blue.
/// </summary>
public sealed class EndToEndCycleTests : IDisposable
{
    private const string OldPassword = "e2e-Blue-Passw0rd-never-printed";
    private const string NewestBackup = "backup-bluenext2345";
    private const string Zero = "--bake 0s --acknowledge-no-bake --settle 0s --health-timeout 1s";

    private readonly CliFixture project = new();
    private readonly FakeHsmHost hsm = LoopbackCli.NewHsmHost();

    [Fact]
    public async Task ACycleRestoresGreenFromBluesNewestBackupRotatesItAndRetiresBlue()
    {
        await using var server = LoopbackAwsServer.Start();
        using var pulumi = Deploy(server.Account);

        var (exit, output, error) = await RunAsync($"cycle --stack dev --yes {Zero}", server, pulumi);

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(Retired(), EndState(pulumi));
        var green = server.Account.Secret(pulumi.Outputs["greenSecretArn"]);
        Assert.True(hsm.Accepts("app_cu:" + PasswordOf(green.ValueAt("AWSCURRENT"))), "green's cluster does not accept the password green's secret holds");
        Assert.DoesNotContain(OldPassword, output + error + project.Journal, StringComparison.Ordinal);
        server.AssertConforms();
    }

    [Fact]
    public async Task PrepareCreatesWhatTheProgramDeclaresForGreenRestoredFromTheChosenBackup()
    {
        await using var server = LoopbackAwsServer.Start();
        using var pulumi = Deploy(server.Account);

        var (exit, output, error) = await RunAsync($"cycle --stack dev --yes --until prepared {Zero}", server, pulumi);

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}");
        var declared = DeclaredProgram.Emit(project.Directory, "dev").Resources.Where(r => r.Name.StartsWith("green-", StringComparison.Ordinal)).Select(r => $"{r.Name} {r.Type}");
        Assert.Equal(declared, pulumi.State.Where(r => r.Name.StartsWith("green-", StringComparison.Ordinal)).Select(r => $"{r.Name} {r.Type}"));
        var green = server.Account.ClusterNow(pulumi.Outputs["greenClusterId"]);
        Assert.Equal((NewestBackup, "ACTIVE", "app_cu"), (green.SourceBackupId, green.State, green.Passwords.Keys.Single()));
        Assert.Equal(0, server.Account.Group(pulumi.Outputs["greenAppGroupName"]).Desired);
        Assert.Empty(server.Account.Secret(pulumi.Outputs["greenSecretArn"]).Values);
        server.AssertConforms();
    }

    /// <summary>A `pulumi up` killed while creating green's cluster left a pending create: the cycle stops before another up could make a second cluster.</summary>
    [Fact]
    public async Task ACycleAfterAKilledUpStopsOnItsPendingCreateWithNothingApplied()
    {
        await using var server = LoopbackAwsServer.Start();
        using var pulumi = Deploy(server.Account);
        var cluster = StackResourceNames.Urn("dev", "aws:cloudhsmv2/cluster:Cluster", "green-cluster");
        pulumi.PendingOperations.Add((cluster, "creating"));

        var (exit, output, error) = await RunAsync($"cycle --stack dev --yes {Zero}", server, pulumi);

        Assert.True(exit == ExitCodes.NeedsOperator, $"exit {exit}\n{output}\n{error}");
        Assert.Contains($"{cluster} (creating)", error, StringComparison.Ordinal);
        Assert.DoesNotContain(pulumi.Calls, c => c[0] is "up" or "preview");
        Assert.DoesNotContain("green", string.Join(",", pulumi.Outputs.Keys), StringComparison.Ordinal);
    }

    /// <summary>The stack and account after a cycle stopped at a stage boundary; the second `cycle` must end as one uninterrupted cycle does.</summary>
    public static TheoryData<string> Boundaries => ["prepared", "rotated", "up interrupted before the HSMs are ACTIVE", "retire stopped between its two applies"];

    [Theory]
    [MemberData(nameof(Boundaries))]
    public async Task ACycleStoppedAtAStageBoundaryEndsTheSameWayWhenRunAgain(string boundary)
    {
        await using var server = LoopbackAwsServer.Start();
        using var pulumi = Deploy(server.Account);
        var first = boundary switch
        {
            "prepared" => $"cycle --stack dev --yes --until prepared {Zero}",
            "rotated" => $"cycle --stack dev --yes --until rotated {Zero}",
            _ => $"cycle --stack dev --yes {Zero}",
        };
        pulumi.InterruptNextUpBeforeHsmsAreActive = boundary == "up interrupted before the HSMs are ACTIVE";
        pulumi.FailNext = boundary == "retire stopped between its two applies" ? args => args is ["config", "rm", ..] : null;
        var (stopped, stopOutput, stopError) = await RunAsync(first, server, pulumi);

        var (exit, output, error) = await RunAsync($"cycle --stack dev --yes {Zero}", server, pulumi);

        var crashed = boundary is not ("prepared" or "rotated");
        Assert.True(crashed ? stopped == ExitCodes.NeedsOperator : stopped == ExitCodes.Done, $"first run: exit {stopped}\n{stopOutput}\n{stopError}");
        Assert.True(!crashed || stopError.Contains("run 'hsm-rotate cycle --stack dev' again", StringComparison.Ordinal), $"the stop does not say how to continue:\n{stopError}");
        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}");
        Assert.Equal(Retired(), EndState(pulumi));
        server.AssertConforms();
    }

    /// <summary>What the tests hold the end of a cycle to: who serves, what the stack declares, what AWS shows, whether green's password works.</summary>
    private sealed record CycleEnd(string Listener, string ConfiguredSlots, string OutputSlots, string GreenCluster, string BlueCluster, bool GreenPasswordWorks, bool GreenPasswordIsNew);

    private CycleEnd EndState(LoopbackPulumi pulumi)
    {
        var account = pulumi.Account;
        var outputs = pulumi.Outputs;
        var settings = StackConfigLoader.FromStackFile(new PhysicalProjectFiles(project.Directory), "dev");
        var green = account.ClusterNow(outputs.GetValueOrDefault("greenClusterId") ?? "cluster-missing2345");
        var password = PasswordOf(account.Secret(outputs["greenSecretArn"]).ValueAt("AWSCURRENT"));
        return new CycleEnd(
            string.Join(", ", account.WeightsOf(Fixtures.ListenerArn).Select(w => $"{(w.TargetGroupArn == outputs["greenTargetGroupArn"] ? "green" : w.TargetGroupArn)} {w.Weight}")),
            string.Join(", ", Enum.GetValues<Color>().Where(c => settings.Slot(c) is not null).Select(c => $"{c.Key()} {settings.Slot(c)!.Cluster}")),
            string.Join(", ", outputs.Keys.Where(k => k.EndsWith("ClusterId", StringComparison.Ordinal)).Order(StringComparer.Ordinal)),
            $"{green.State} from {green.SourceBackupId}, HSMs {string.Join(" ", green.Hsms.Select(h => $"{h.AvailabilityZone} {h.State}"))}",
            $"{account.ClusterNow(Fixtures.BlueCluster).State}, {account.ClusterNow(Fixtures.BlueCluster).Hsms.Count} HSMs",
            password is not null && hsm.Accepts("app_cu:" + password),
            password is not null && password != OldPassword);
    }

    /// <summary>Green serves alone from a cluster restored from blue's newest backup, its password new and working; blue's cluster deleted.</summary>
    private static CycleEnd Retired() => new(
        "green 100", $"green {new ClusterSource.FromBackup(NewestBackup)}", "greenClusterId", $"ACTIVE from {NewestBackup}, HSMs eu-west-1a ACTIVE", "DELETED, 0 HSMs", GreenPasswordWorks: true, GreenPasswordIsNew: true);

    /// <summary>
    /// The account and stack as the previous cycle left them: blue (restored from an older backup) serves 100% with
    /// its password in its secret since ten days; CloudHSM has backed blue up twice, before and after that.
    /// </summary>
    private LoopbackPulumi Deploy(FakeAwsAccount account)
    {
        StackConfigFile.Remove(project.Directory, "dev", "slots.green");
        StackConfigFile.Remove(project.Directory, "dev", "slots.blue.clusterId");
        StackConfigFile.Set(project.Directory, "dev", "slots.blue.sourceBackupId", "backup-blueorig2345");
        StackConfigFile.Remove(project.Directory, "dev", "traffic.green");

        var clock = new FakeClock();
        account.Clock = clock;
        var blueSecret = account.AddSecret(LoopbackCli.BlueSecret, Credential(OldPassword), createdAt: clock.GetUtcNow().AddDays(-10));
        account
            .AddCluster(new FakeCluster(Fixtures.BlueCluster, "ACTIVE", "backup-blueorig2345", "sg-0123456789abcdef0", [new FakeHsm("hsm-abcdefghijk2", "eu-west-1a", "subnet-0a1b2c3d4e5f60718")]))
            .AddListener(Fixtures.ListenerArn, (Fixtures.BlueTargetGroup, 100))
            .SetTargets(Fixtures.BlueTargetGroup, new FakeTarget("i-0aaaaaaaaaaaaaaa2", "healthy"))
            .AddGroup(new FakeGroup("hsm-dev-blue-app", 0, 2, 1, ["InService"]))
            .AddBackup(new FakeBackup("backup-blueold23456", Fixtures.BlueCluster, "READY", clock.GetUtcNow().AddDays(-12)) { Passwords = new Dictionary<string, string> { ["app_cu"] = "e2e-Blue-before-the-last-rotation" } })
            .AddBackup(new FakeBackup(NewestBackup, Fixtures.BlueCluster, "READY", clock.GetUtcNow().AddDays(-1)) { Passwords = new Dictionary<string, string> { ["app_cu"] = OldPassword } });

        var pulumi = new LoopbackPulumi(account, project.Directory).Deployed(new Dictionary<string, Dictionary<string, string>>
        {
            ["blue-cluster"] = new() { ["id"] = Fixtures.BlueCluster, ["clusterId"] = Fixtures.BlueCluster, ["securityGroupId"] = "sg-0123456789abcdef0" },
            ["blue-hsm-eu-west-1a"] = new() { ["id"] = "hsm-abcdefghijk2", ["hsmId"] = "hsm-abcdefghijk2", ["clusterId"] = Fixtures.BlueCluster },
            ["blue-tg"] = new() { ["id"] = Fixtures.BlueTargetGroup, ["arn"] = Fixtures.BlueTargetGroup },
            ["blue-app"] = new() { ["id"] = "hsm-dev-blue-app", ["name"] = "hsm-dev-blue-app" },
            ["blue-secret"] = new() { ["id"] = blueSecret.Arn, ["arn"] = blueSecret.Arn },
            ["blue-admin"] = new() { ["id"] = "i-0aaaaaaaaaaaaaaa1" },
            ["blue-test-route"] = new() { ["id"] = "blue-test-route", ["targetGroupArn"] = Fixtures.BlueTargetGroup },
            ["alb"] = new() { ["id"] = Fixtures.LoadBalancerArn, ["arn"] = Fixtures.LoadBalancerArn, ["dnsName"] = "hsm-dev.example" },
            ["listener"] = new() { ["id"] = Fixtures.ListenerArn, ["arn"] = Fixtures.ListenerArn },
        });

        // The restored cluster's users are the backup's; green's admin host runs the real script against them.
        pulumi.Restored = cluster => hsm.AcceptPin("app_cu:" + cluster.Passwords["app_cu"]);
        pulumi.Created = (resource, attributes) =>
        {
            if (resource.Type == "aws:lb:TargetGroup")
            {
                // Green's application answers requests once it takes traffic.
                var dimension = attributes["arn"][attributes["arn"].IndexOf("targetgroup/", StringComparison.Ordinal)..];
                account.SetMetric("RequestCount", dimension, 1000).SetMetric("TargetResponseTime", dimension, 0.05);
            }
        };
        account.SetMetric("RequestCount", "app/hsm-dev/50dc6c495c0c9188", 10000);
        account.CommandHost = command =>
        {
            hsm.MirrorSecret(account.Secret(pulumi.Outputs["greenSecretArn"]));
            return hsm.Run(command.Commands.Single());
        };
        return pulumi;
    }

    private static string Credential(string password) => new JsonObject { ["username"] = "app_cu", ["password"] = password }.ToJsonString();

    private static string? PasswordOf(string? secretString) => secretString is null ? null : JsonNode.Parse(secretString)!["password"]!.GetValue<string>();

    private Task<(int Exit, string Output, string Error)> RunAsync(string commandLine, LoopbackAwsServer server, LoopbackPulumi pulumi) =>
        LoopbackCli.RunAsync(commandLine, server, pulumi.Executable, project.Directory);

    public void Dispose()
    {
        hsm.Dispose();
        project.Dispose();
    }
}
