using System.Text.Json;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Tests.Audit;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Verbs.Audit;

namespace HsmBlueGreen.Rotate.Tests.Audit;

public class AuditCommandTests
{
    [Fact]
    public async Task AHealthyAccountExitsZeroListingEveryCheck()
    {
        using var workspace = new AuditWorkspace();

        var run = await workspace.RunAsync(() => AuditWorkspace.Over(AuditAccount.Healthy()), "--stack", "prod");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.StartsWith("audit of stack prod in eu-west-1\n", run.Out, StringComparison.Ordinal);
        Assert.EndsWith("9 passed, 0 failed, 1 cannot tell\n", run.Out, StringComparison.Ordinal);
        Assert.Equal(workspace.Root, workspace.WiredProject);
    }

    [Fact]
    public async Task AFailedCheckExitsOneWithItsEvidenceAndFix()
    {
        using var workspace = new AuditWorkspace();
        var account = AuditAccount.Healthy();
        account.SecurityGroups["sg-bluecluster"].Add(new IngressRule("tcp", 2223, 2225, ["0.0.0.0/0"], []));

        var run = await workspace.RunAsync(() => AuditWorkspace.Over(account), "--stack", "prod");

        Assert.Equal(AuditCommand.ChecksFailed, run.Exit);
        Assert.Contains("FAIL        cluster-security-group", run.Out, StringComparison.Ordinal);
        Assert.Contains("blue: sg-bluecluster admits 0.0.0.0/0 (tcp 2223-2225)", run.Out, StringComparison.Ordinal);
        Assert.Contains("fix: remove every CIDR", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonListsEveryCheckForCi()
    {
        using var workspace = new AuditWorkspace();
        var account = AuditAccount.Healthy();
        account.Trails.Clear();

        var run = await workspace.RunAsync(() => AuditWorkspace.Over(account), "--stack", "prod", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var outcomes = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!, c => c.GetProperty("outcome").GetString());
        Assert.Equal(AuditCommand.ChecksFailed, run.Exit);
        Assert.Equal(10, outcomes.Count);
        Assert.Equal(("fail", "cannot-tell", "pass"), (outcomes["cloudtrail"], outcomes["user-quorum"], outcomes["flow-logs"]));
    }

    [Fact]
    public async Task AnAuditWhereNoCheckCanTellExitsWithItsOwnCodeAndNamesNoInternalClass()
    {
        using var workspace = new AuditWorkspace();
        var unreadable = new Moq.Mock<IAccountInventory>(Moq.MockBehavior.Strict).Object;
        var clusters = new Moq.Mock<IClusterControl>(Moq.MockBehavior.Strict).Object;
        var users = new Moq.Mock<IHsmUserCommands>(Moq.MockBehavior.Strict).Object;
        var account = AuditAccount.Healthy();
        var wiring = new AuditWiring(new AuditPorts(unreadable, clusters, users), new OutputsOnly(account.Outputs), () => AuditAccount.Region);

        var run = await workspace.RunAsync(() => wiring, "--stack", "prod", "--json");

        using var json = JsonDocument.Parse(run.Out);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToList();
        Assert.Equal(ExitCodes.NothingVerified, run.Exit);
        Assert.All(checks, c => Assert.Equal("cannot-tell", c.GetProperty("outcome").GetString()));
        Assert.All(checks, c => Assert.DoesNotMatch(@"\b[A-Z][a-z]+[A-Z]\w*\.[A-Z]", c.GetProperty("fix").GetString()!));
        Assert.Contains("`hsm-rotate guardrails --stack <stack> --only audit`", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCryptoUsersComeFromTheStackFile()
    {
        using var workspace = new AuditWorkspace();
        var account = AuditAccount.Healthy();

        var run = await workspace.RunAsync(() => AuditWorkspace.Over(account), "--stack", "prod");

        Assert.Contains("blue: app_cu (crypto-user) unlocked", run.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Done, run.Exit);
    }

    [Fact]
    public async Task UnreadableStackOutputsStopWithOneLine()
    {
        using var workspace = new AuditWorkspace();
        var wiring = AuditWorkspace.Over(AuditAccount.Healthy()) with
        {
            Region = () => throw new AwsConfigurationException("no AWS region is set; set AWS_REGION (e.g. export AWS_REGION=eu-west-1) or a region in your AWS profile."),
        };

        var run = await workspace.RunAsync(() => wiring, "--stack", "prod");

        Assert.Equal(ExitCodes.NeedsOperator, run.Exit);
        Assert.Equal("hsm-rotate audit: nothing was checked: no AWS region is set; set AWS_REGION (e.g. export AWS_REGION=eu-west-1) or a region in your AWS profile.\n", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task AStackWithoutItsFileIsBadInput()
    {
        using var workspace = new AuditWorkspace();

        var run = await workspace.RunAsync(() => throw new InvalidOperationException("no ports may be built"), "--stack", "staging");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Contains("Pulumi.staging.yaml", run.Error, StringComparison.Ordinal);
    }
}
