using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;
using HsmBlueGreen.Rotate.Cli;
using FakeBackup = HsmBlueGreen.Aws.Tests.Loopback.FakeBackup;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd;

/// <summary>
/// A whole green-cluster rotation through the shipped wiring and the real AWS adapters, against the loopback account
/// (every request checked against the service models); green's admin host runs the real hsm-user.sh against fake tools.
/// </summary>
public sealed partial class EndToEndRotationTests : IDisposable
{
    private const string OldPassword = "e2e-Blue-Passw0rd-never-printed";
    private const string BlueSecret = LoopbackCli.BlueSecret;
    private const string GreenSecret = LoopbackCli.GreenSecret;
    private const string Zero = "--bake 0s --acknowledge-no-bake --settle 0s --health-timeout 1s";

    private readonly CliFixture project = new();
    private readonly FakePulumi pulumi = new FakePulumi().Answer(LoopbackCli.StackOutputs);
    private readonly FakeHsmHost hsm = LoopbackCli.NewHsmHost();

    /// <summary>
    /// The account behaves as docs/aws-behaviour.md says AWS does, with nothing switched off: no data point for a zero
    /// 5xx count and none for a minute not yet arrived, InvocationDoesNotExist right after SendCommand, listener weights
    /// that show one read late, a target group health-checked only while a listener forwards to it, cloudhsm-cli's
    /// indented JSON after a warning line, and green's user holding the password blue had when its backup was taken.
    /// </summary>
    [Fact]
    public async Task GreenClusterRotationCompletesThroughTheRealAdapters()
    {
        await using var server = StartAccount();

        var (exit, output, error) = await RunAsync($"run --stack dev --yes {Zero}", server);

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Equal([(Fixtures.GreenTargetGroup, 100)], Serving(server));
        var green = server.Account.Secret(GreenSecret);
        var newPassword = PasswordOf(green.ValueAt("AWSCURRENT")) ?? string.Empty;
        Assert.DoesNotContain(newPassword, new[] { OldPassword, string.Empty });
        Assert.False(green.Stages.ContainsKey("AWSPENDING"), "AWSPENDING is left on green's secret");
        var blue = server.Account.Secret(BlueSecret);
        Assert.Equal((OldPassword, 1), (PasswordOf(blue.ValueAt("AWSCURRENT")), blue.Values.Count));
        Assert.True(hsm.Accepts("app_cu:" + newPassword), "the HSM does not accept the new password");
        server.AssertConforms();
        foreach (var password in new[] { newPassword, OldPassword })
        {
            // The journal is JSON: a leaked password could appear escaped (a generated one may hold '+', written \u002B).
            Assert.DoesNotContain(password, output + error + project.Journal, StringComparison.Ordinal);
            Assert.DoesNotContain(JsonSerializer.Serialize(password).Trim('"'), project.Journal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AFailingGateRollsBackWithOneListenerChange()
    {
        await using var server = StartAccount();
        server.Account.SetMetric("HTTPCode_Target_5XX_Count", GreenDimension, 250);

        var (exit, output, error) = await RunAsync($"run --stack dev --yes {Zero}", server);

        Assert.True(exit == ExitCodes.FailedRolledBack, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        var operations = server.Calls.Select(c => c.Operation).ToList();
        var afterFailure = operations.Skip(operations.LastIndexOf("GetMetricData") + 1);
        Assert.Equal(1, afterFailure.Count(o => o == "ModifyListener"));
        Assert.Equal([(Fixtures.BlueTargetGroup, 100)], Serving(server));
        server.AssertConforms();
    }

    [Fact]
    public async Task LoadBalancerGenerated5xxRollBackThroughTheRealAdapters()
    {
        await using var server = StartAccount();
        server.Account.SetMetric("HTTPCode_ELB_5XX_Count", AlbDimension, 500);

        var (exit, output, error) = await RunAsync($"run --stack dev --yes {Zero}", server);

        Assert.True(exit == ExitCodes.FailedRolledBack && error.Contains("gate alb-5xx-rate failed at 10%", StringComparison.Ordinal), $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Equal([(Fixtures.BlueTargetGroup, 100)], Serving(server));
        server.AssertConforms();
    }

    private const string GreenDimension = "targetgroup/hsm-dev-green/2453ed029918f21f";
    private const string AlbDimension = "app/hsm-dev/50dc6c495c0c9188";

    [Fact]
    public async Task AListenerThatLeavesGreenOutGetsItAtZeroAndTheRotationFinishes()
    {
        await using var server = StartAccount();
        server.Account.AddListener(Fixtures.ListenerArn, (Fixtures.BlueTargetGroup, 100));

        var (exit, output, error) = await RunAsync($"run --stack dev --yes {Zero}", server);

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Equal([(Fixtures.BlueTargetGroup, 0), (Fixtures.GreenTargetGroup, 100)], server.Account.WeightsOf(Fixtures.ListenerArn));
        server.AssertConforms();
    }

    [Fact]
    public async Task BluesPasswordChangedAfterGreensBackupIsSeededAsOfTheBackupAndCostsNoLogin()
    {
        await using var server = StartAccount();
        var blue = server.Account.Secret(BlueSecret);
        // Blue rotated in place after the backup green was restored from: AWSCURRENT is newer than the backup.
        blue.Values["00000000-0000-4000-8000-000000000002"] = Credential("e2e-Blue-Changed-after-backup");
        blue.Created["00000000-0000-4000-8000-000000000002"] = server.Account.Clock.GetUtcNow().AddHours(-1);
        (blue.Stages["AWSPREVIOUS"], blue.Stages["AWSCURRENT"]) = (blue.Stages["AWSCURRENT"], "00000000-0000-4000-8000-000000000002");

        var (exit, output, error) = await RunAsync($"run --stack dev --yes {Zero}", server);

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Equal(1, hsm.CliCalls.Count(c => c["argv"]![1]!.GetValue<string>() == "change-password"));
        Assert.True(hsm.Accepts("app_cu:" + PasswordOf(server.Account.Secret(GreenSecret).ValueAt("AWSCURRENT"))), "the HSM does not accept green's new password");
        foreach (var password in new[] { OldPassword, "e2e-Blue-Changed-after-backup" })
        {
            Assert.DoesNotContain(password, output + error + project.Journal, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AnAcknowledgedRetryAfterAnAbortedFailedLoginFailsAgainCleanly()
    {
        await using var server = StartAccount();
        hsm.AcceptPin("app_cu:not-what-the-secret-holds");
        var (first, _, _) = await RunAsync($"run --stack dev --yes {Zero}", server);
        await RunAsync("abort --stack dev", server);
        var (refused, _, advice) = await RunAsync($"run --stack dev --yes {Zero}", server);

        // The refusal's advice is a command line that works as written.
        var (exit, output, error) = await RunAsync($"resume --stack dev --acknowledge-login-failure {Zero}", server);

        Assert.Equal((ExitCodes.NeedsOperator, ExitCodes.NeedsOperator), (first, refused));
        Assert.Contains("'hsm-rotate resume --stack dev --acknowledge-login-failure'", advice, StringComparison.Ordinal);
        Assert.True(exit == ExitCodes.NeedsOperator && error.Contains("Not retried: the user locks after 5 failed logins", StringComparison.Ordinal), $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Equal(2, hsm.CliCalls.Count(c => c["argv"]![1]!.GetValue<string>() == "change-password"));
        Assert.Contains("HSMBG_LOGIN_FAILED", server.Account.Secret(GreenSecret).Stages.Keys);
        server.AssertConforms();
    }

    [Fact]
    public async Task ASmokeCheckThroughGreensTestRouteRunsOnGreensAdminHostBeforeAnyTrafficMoves()
    {
        await using var server = StartAccount();
        server.Account.AddListenerRule(Fixtures.ListenerArn, Fixtures.BlueTargetGroup, "X-Hsm-Slot", "blue").AddListenerRule(Fixtures.ListenerArn, Fixtures.GreenTargetGroup, "X-Hsm-Slot", "green");
        hsm.ServeLoadBalancer("X-Hsm-Slot", new Dictionary<string, int> { ["blue"] = 200, ["green"] = 200 });

        var (exit, output, error) = await RunAsync($"run --stack dev --yes {Zero} --smoke-path /health/hsm", server);

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        var smoke = server.Account.SentCommands.Single(c => c.Commands.Single().StartsWith("'curl'", StringComparison.Ordinal));
        Assert.Contains("'X-Hsm-Slot: green'", smoke.Commands.Single(), StringComparison.Ordinal);
        Assert.Single(hsm.CurlCalls);
        server.AssertConforms();
    }

    [Fact]
    public async Task AFailedSmokeCheckStopsForAnOperatorWithBlueStillServingEverything()
    {
        await using var server = StartAccount();
        server.Account.AddListenerRule(Fixtures.ListenerArn, Fixtures.GreenTargetGroup, "X-Hsm-Slot", "green");
        hsm.ServeLoadBalancer("X-Hsm-Slot", new Dictionary<string, int> { ["green"] = 502 });

        var (exit, output, error) = await RunAsync($"run --stack dev --yes {Zero} --smoke-path /health/hsm", server);

        Assert.True(exit == ExitCodes.NeedsOperator, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Contains("answered 502, not 2xx. Nothing was shifted", error, StringComparison.Ordinal);
        Assert.Equal([(Fixtures.BlueTargetGroup, 100)], Serving(server));
        Assert.DoesNotContain(server.Calls, c => c.Operation == "ModifyListener");
    }

    [Fact]
    public async Task AStackWithoutTestRoutesStopsBeforeTheSmokeRequestWithNothingShifted()
    {
        await using var server = StartAccount();
        hsm.ServeLoadBalancer("X-Hsm-Slot", new Dictionary<string, int>(), defaultStatus: 200);

        var (exit, output, error) = await RunAsync($"run --stack dev --yes {Zero} --smoke-path /health/hsm", server);

        Assert.True(exit == ExitCodes.NeedsOperator, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Contains("green's test route is missing", error, StringComparison.Ordinal);
        Assert.Contains("'pulumi up --stack dev'", error, StringComparison.Ordinal);
        Assert.Empty(hsm.CurlCalls);
        Assert.DoesNotContain(server.Calls, c => c.Operation == "ModifyListener");
        server.AssertConforms();
    }

    [Fact]
    public async Task AServerErrorOnTheChangeIsResolvedFromSsmHistoryOnResumeWithoutALogin()
    {
        await using var server = StartAccount();
        server.Account.InvocationLag = 1;
        server.Account.SendCommandFailsAfterAccepting = c => c.Comment.StartsWith("hsm-rotate change-password", StringComparison.Ordinal);
        var (stopped, _, advice) = await RunAsync($"run --stack dev --yes {Zero}", server);
        server.Account.SendCommandFailsAfterAccepting = _ => false;

        var (exit, output, error) = await RunAsync($"resume --stack dev {Zero}", server);

        Assert.True(stopped == ExitCodes.NeedsOperator && advice.Contains("may already have run", StringComparison.Ordinal), advice);
        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}\n{Violations(server)}");
        Assert.Equal([(Fixtures.GreenTargetGroup, 100)], Serving(server));
        Assert.Single(hsm.CliCalls, c => c["argv"]![1]!.GetValue<string>() == "change-password");
        Assert.True(hsm.Accepts("app_cu:" + PasswordOf(server.Account.Secret(GreenSecret).ValueAt("AWSCURRENT"))), "the HSM does not accept the promoted password");
        server.AssertConforms();
    }

    /// <summary>README: the journal records every API call. Held against the server's own log: every request, reads and retries too, in order.</summary>
    [Fact]
    public async Task TheJournalRecordsEveryAwsRequestTheLoopbackServerReceivedInOrder()
    {
        await using var server = StartAccount();

        var (exit, output, error) = await RunAsync($"run --stack dev --yes {Zero}", server);

        Assert.True(exit == ExitCodes.Done, $"exit {exit}\n{output}\n{error}");
        var received = server.Calls.Select(ActionOf).ToList();
        Assert.True(received.Count > 50, $"only {received.Count} requests reached the server");
        Assert.Equal(received, JournalledRequests(project.Journal));
    }

    [Fact]
    public async Task VerboseShowsEveryKindOfAwsRequestTheRunMakesReadsIncluded()
    {
        await using var server = StartAccount();

        var (_, output, _) = await RunAsync($"run --stack dev --yes --verbose {Zero}", server);

        Assert.All(server.Calls.Select(ActionOf).Distinct(), action => Assert.Matches($@"  > (\[[a-z0-9-]+\] )?{Regex.Escape(action)}\b", output));
    }

    /// <summary>The IAM action of a request the server received (CloudWatch signs as "monitoring").</summary>
    private static string ActionOf(ReceivedCall call) => $"{(call.SigningName == "monitoring" ? "cloudwatch" : call.SigningName)}:{call.Operation}";

    private static List<string> JournalledRequests(string journal) =>
        [.. journal.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(e => e.GetProperty("kind").GetString() == "request")
            .Select(e => e.GetProperty("data").GetProperty("api").GetString()!)];

    /// <summary>The target groups that get traffic (a slot at 0 stays listed with weight 0).</summary>
    private static IEnumerable<(string TargetGroupArn, int Weight)> Serving(LoopbackAwsServer server) =>
        server.Account.WeightsOf(Fixtures.ListenerArn).Where(w => w.Weight > 0);

    private static string Violations(LoopbackAwsServer server)
    {
        try
        {
            server.AssertConforms();
            return string.Empty;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return ex.Message;
        }
    }

    private static string? PasswordOf(string? secretString) => secretString is null ? null : JsonNode.Parse(secretString)!["password"]!.GetValue<string>();

    private LoopbackAwsServer StartAccount()
    {
        var server = LoopbackAwsServer.Start();
        var account = server.Account;

        // A jumping clock: bakes and CloudWatch's delay pass in no time, and only complete periods are ever judged.
        account.Clock = new FakeClock();
        account
            .AddCluster(Fixtures.Cluster(Fixtures.BlueCluster))
            .AddCluster(Fixtures.Cluster(Fixtures.GreenCluster, sourceBackup: "backup-rtq2dwi2gq6"))
            .AddListener(Fixtures.ListenerArn, (Fixtures.BlueTargetGroup, 100), (Fixtures.GreenTargetGroup, 0))
            .SetTargets(Fixtures.BlueTargetGroup, new FakeTarget("i-0aaaaaaaaaaaaaaa2", "healthy"))
            .SetTargets(Fixtures.GreenTargetGroup, new FakeTarget("i-0bbbbbbbbbbbbbbb2", "healthy"))
            .AddGroup(new FakeGroup("hsm-dev-blue-app", 0, 4, 1, ["InService"]))
            .AddGroup(new FakeGroup("hsm-dev-green-app", 0, 4, 0, []))
            .AddManagedInstance(Fixtures.GreenAdminHost)
            .SetMetric("RequestCount", GreenDimension, 1000)
            .SetMetric("TargetResponseTime", GreenDimension, 0.05)
            .SetMetric("RequestCount", AlbDimension, 10000)
            .AddSecret(BlueSecret, Credential(OldPassword), createdAt: account.Clock.GetUtcNow().AddDays(-10));
        account.AddSecret(GreenSecret, Credential(OldPassword));
        // Green's cluster was restored from yesterday's backup of blue's: its user has blue's password of that time.
        var backup = new FakeBackup("backup-rtq2dwi2gq6", Fixtures.BlueCluster, "READY", account.Clock.GetUtcNow().AddDays(-1)) { Passwords = new Dictionary<string, string> { ["app_cu"] = OldPassword } };
        account.AddBackup(backup);
        hsm.RestoredFrom(backup, "app_cu");
        account.CommandHost = command =>
        {
            // The admin host reads the secret from Secrets Manager itself: it sees the account's versions as they are now.
            hsm.MirrorSecret(account.Secret(GreenSecret));
            return hsm.Run(command.Commands.Single());
        };
        return server;
    }

    private static string Credential(string password) => new JsonObject { ["username"] = "app_cu", ["password"] = password }.ToJsonString();

    public void Dispose()
    {
        hsm.Dispose();
        pulumi.Dispose();
        project.Dispose();
    }

    private Task<(int Exit, string Output, string Error)> RunAsync(string commandLine, LoopbackAwsServer server) =>
        LoopbackCli.RunAsync(commandLine, server, pulumi, project.Directory);
}
