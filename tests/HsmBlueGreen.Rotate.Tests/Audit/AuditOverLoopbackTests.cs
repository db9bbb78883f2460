using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Verbs.Audit;

namespace HsmBlueGreen.Rotate.Tests.Audit;

/// <summary>`hsm-rotate audit` end to end: the real host, checks and adapters against the loopback account.</summary>
public class AuditOverLoopbackTests
{
    [Fact]
    public async Task AHealthyAccountPassesWithConformingReadOnlyCalls()
    {
        using var workspace = new AuditWorkspace();
        await using var server = LoopbackAwsServer.Start();
        var outputs = LoopbackAccount.Healthy(server.Account);

        var run = await workspace.RunAsync(() => LoopbackAccount.Wiring(server, outputs), "--stack", "prod");

        Assert.Equal((ExitCodes.Done, string.Empty), (run.Exit, run.Error));
        Assert.EndsWith("9 passed, 0 failed, 1 cannot tell\n", run.Out, StringComparison.Ordinal);
        server.AssertConforms();
    }

    [Fact]
    public async Task EveryCallTheAuditMakesIsInTheAuditPolicy()
    {
        using var workspace = new AuditWorkspace();
        await using var server = LoopbackAwsServer.Start();
        var outputs = LoopbackAccount.Healthy(server.Account);

        await workspace.RunAsync(() => LoopbackAccount.Wiring(server, outputs), "--stack", "prod");

        var allowed = AccessPolicies.Audit("prod").AllowedActions();
        var made = server.Calls.Select(c => $"{(c.SigningName == "monitoring" ? "cloudwatch" : c.SigningName)}:{c.Operation}").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.All(made, action => Assert.Contains(action, allowed));
        Assert.Contains("ec2:DescribeFlowLogs", made);
    }

    [Fact]
    public async Task AnOpenGroupAndMissingFlowLogsFailTheAudit()
    {
        using var workspace = new AuditWorkspace();
        await using var server = LoopbackAwsServer.Start();
        var outputs = LoopbackAccount.Healthy(server.Account);
        server.Account.AddSecurityGroup(new FakeSecurityGroup(LoopbackAccount.ClusterGroup, LoopbackAccount.Vpc, [new FakeIngress("-1", null, null, ["0.0.0.0/0"], [])]));
        server.Account.Deny("DescribeFlowLogs", "*");

        var run = await workspace.RunAsync(() => LoopbackAccount.Wiring(server, outputs), "--stack", "prod", "--json");

        Assert.Equal(AuditCommand.ChecksFailed, run.Exit);
        Assert.Contains("\"outcome\": \"fail\"", run.Out, StringComparison.Ordinal);
        Assert.Contains("admits 0.0.0.0/0 (all traffic)", run.Out, StringComparison.Ordinal);
        Assert.Contains("could not read: AWS denied ec2:DescribeFlowLogs", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stack", "prod")]
    [InlineData("--stack", "prod", "--json")]
    public async Task NoSecretReachesTheAuditOutput(params string[] args)
    {
        using var workspace = new AuditWorkspace();
        await using var server = LoopbackAwsServer.Start();
        var outputs = LoopbackAccount.Healthy(server.Account);
        server.Account.Deny("DescribeSecret", outputs.Slots[Core.Slots.Color.Blue].SecretArn);

        var run = await workspace.RunAsync(() => LoopbackAccount.Wiring(server, outputs), args);

        Assert.Contains("could not read", (run.Out + run.Error), StringComparison.Ordinal);
        foreach (var secret in new[] { LoopbackAccount.BluePassword, LoopbackAccount.GreenPassword, LoopbackAwsServer.SecretKey, "password" })
        {
            Assert.DoesNotContain(secret, (run.Out + run.Error), StringComparison.OrdinalIgnoreCase);
        }

        Assert.Empty(server.CallsTo("GetSecretValue"));
        Assert.All(server.Account.SentCommands.SelectMany(c => c.Commands), text => Assert.DoesNotContain(LoopbackAccount.BluePassword, text, StringComparison.Ordinal));
    }
}
