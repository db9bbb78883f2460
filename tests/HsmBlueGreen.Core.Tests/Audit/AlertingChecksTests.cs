using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Audit.Checks;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Tests.Audit;

public class AlertingChecksTests
{
    [Fact]
    public async Task EveryDestructiveCallAlertsASubscribedTopic()
    {
        var finding = await AuditAccount.Healthy().RunAsync(new AlertRulesCheck());

        Assert.Equal(AuditOutcome.Pass, finding.Outcome);
        Assert.Contains("DeleteBackup: hsm-prod-destructive -> arn:aws:sns:eu-west-1:123456789012:hsm-prod-alerts", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADisabledRuleFails()
    {
        var account = AuditAccount.Healthy();
        account.Rules[0] = account.Rules[0] with { Enabled = false };

        var finding = await account.RunAsync(new AlertRulesCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("DeleteHsm: hsm-prod-destructive disabled", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventNoRuleNamesFails()
    {
        var account = AuditAccount.Healthy();
        account.Rules[0] = account.Rules[0] with { EventPattern = """{"source":["aws.cloudhsm"],"detail":{"eventName":["DeleteCluster"]}}""" };

        var finding = await account.RunAsync(new AlertRulesCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("PutResourcePolicy: no rule matches it", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnconfirmedSubscriptionIsNoAlert()
    {
        var account = AuditAccount.Healthy();
        account.Subscriptions[AuditAccount.Topic] = [new("email", false)];

        var finding = await account.RunAsync(new AlertRulesCheck());

        Assert.Equal(AuditOutcome.Fail, finding.Outcome);
        Assert.Contains("has no SNS topic with a confirmed subscription", finding.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARuleOnAllCloudHsmCallsCoversEachOne()
    {
        var account = AuditAccount.Healthy();
        account.Rules[0] = account.Rules[0] with { EventPattern = """{"source":["aws.cloudhsm"]}""" };

        Assert.Equal(AuditOutcome.Pass, (await account.RunAsync(new AlertRulesCheck())).Outcome);
    }

    [Fact]
    public async Task AMultiRegionTrailThatLogsPasses()
    {
        var finding = await AuditAccount.Healthy().RunAsync(new CloudTrailCheck());

        Assert.Equal((AuditOutcome.Pass, "org-trail logging eu-west-1"), (finding.Outcome, finding.Evidence));
    }

    [Fact]
    public async Task AStoppedTrailFails()
    {
        var account = AuditAccount.Healthy();
        account.Trails[0] = account.Trails[0] with { Logging = false };

        var finding = await account.RunAsync(new CloudTrailCheck());

        Assert.Equal((AuditOutcome.Fail, "no trail logs eu-west-1: org-trail (stopped, all regions)"), (finding.Outcome, finding.Evidence));
    }

    [Fact]
    public async Task ATrailOfAnotherRegionDoesNotCount()
    {
        var account = AuditAccount.Healthy();
        account.Trails[0] = new TrailInfo("us-trail", "us-east-1", false, true);

        Assert.Equal(AuditOutcome.Fail, (await account.RunAsync(new CloudTrailCheck())).Outcome);
    }
}
