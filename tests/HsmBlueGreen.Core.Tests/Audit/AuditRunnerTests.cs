using System.Text.Json;
using HsmBlueGreen.Core.Audit;

namespace HsmBlueGreen.Core.Tests.Audit;

public class AuditRunnerTests
{
    [Fact]
    public async Task AHealthyAccountPassesEveryCheckButTheAdminOnlyOne()
    {
        var findings = await AuditRunner.RunAsync(AuditAccount.Healthy().Session(), AuditRunner.AllChecks, CancellationToken.None);

        Assert.Equal(["user-quorum"], findings.Where(f => f.Outcome != AuditOutcome.Pass).Select(f => f.Check));
        Assert.False(new AuditReport("prod", AuditAccount.Region, findings).AnyFailed);
    }

    [Fact]
    public async Task ADeniedReadMakesOnlyItsChecksUnknown()
    {
        var account = AuditAccount.Healthy();
        account.Denied.Add("DescribeTrails");

        var findings = await AuditRunner.RunAsync(account.Session(), AuditRunner.AllChecks, CancellationToken.None);

        var trail = findings.Single(f => f.Check == "cloudtrail");
        Assert.Equal((AuditOutcome.CannotTell, "could not read: DescribeTrails denied: User is not authorized to perform it"), (trail.Outcome, trail.Evidence));
        Assert.Equal(["cloudtrail", "user-quorum"], findings.Where(f => f.Outcome != AuditOutcome.Pass).Select(f => f.Check));
    }

    [Fact]
    public async Task TheReportFailsWhenAnyCheckFails()
    {
        var account = AuditAccount.Healthy();
        account.FlowLogs.Clear();

        var report = new AuditReport("prod", AuditAccount.Region, await AuditRunner.RunAsync(account.Session(), AuditRunner.AllChecks, CancellationToken.None));

        Assert.True(report.AnyFailed);
        Assert.Contains("FAIL        flow-logs", report.ToText(), StringComparison.Ordinal);
        Assert.EndsWith("8 passed, 1 failed, 1 cannot tell\n", report.ToText(), StringComparison.Ordinal);
    }

    [Fact]
    public void JsonCarriesEachCheckWithItsOutcomeEvidenceAndFix()
    {
        var report = new AuditReport("prod", "eu-west-1", [new("flow-logs", "flow logs", AuditOutcome.Fail, "subnet-1: none", "enable them")]);

        using var json = JsonDocument.Parse(report.ToJson());
        var check = json.RootElement.GetProperty("checks")[0];
        Assert.True(json.RootElement.GetProperty("failed").GetBoolean());
        Assert.Equal(
            ("flow-logs", "fail", "subnet-1: none", "enable them"),
            (check.GetProperty("id").GetString(), check.GetProperty("outcome").GetString(), check.GetProperty("evidence").GetString(), check.GetProperty("fix").GetString()));
    }

    [Fact]
    public void CheckIdsAreUniqueAndKebabCase()
    {
        var ids = AuditRunner.AllChecks.Select(c => c.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", id));
    }
}
