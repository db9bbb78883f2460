using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ports;

/// <summary>The audit's EventBridge, SNS, CloudTrail and Secrets Manager reads against the loopback account.</summary>
public class AlertingInventoryTests
{
    private const string Topic = "arn:aws:sns:eu-west-1:123456789012:hsm-dev-alerts";
    private const string Pattern = """{"source":["aws.cloudhsm"],"detail":{"eventName":["DeleteBackup"]}}""";

    [Fact]
    public async Task RulesComeWithTheirStateAndTargetsAcrossPages()
    {
        await using var aws = LoopbackHarness.Start(a =>
        {
            a.PageSize = 1;
            a.AddRule(new("hsm-dev-destructive", "ENABLED", Pattern, [Topic, "arn:aws:sqs:eu-west-1:123456789012:q"]))
             .AddRule(new("nightly", "DISABLED", null, []));
        });

        var rules = await aws.Ports.AccountInventory.ListAlertRulesAsync(CancellationToken.None);

        Assert.Equal(
            [("hsm-dev-destructive", true, Pattern, Topic + ",arn:aws:sqs:eu-west-1:123456789012:q"), ("nightly", false, null, "")],
            rules.Select(r => (r.Name, r.Enabled, r.EventPattern, string.Join(",", r.TargetArns))));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task SubscriptionsTellConfirmedFromPending()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddTopic(Topic, new("email", "ops@example.com", true), new("email", "new@example.com", false)));

        var subscriptions = await aws.Ports.AccountInventory.ListSubscriptionsAsync(Topic, CancellationToken.None);

        Assert.Equal([new TopicSubscription("email", true), new TopicSubscription("email", false)], subscriptions);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AMissingTopicIsAnErrorNamingTheAction()
    {
        await using var aws = LoopbackHarness.Start();

        var error = await Assert.ThrowsAsync<AwsApiException>(() => aws.Ports.AccountInventory.ListSubscriptionsAsync(Topic, CancellationToken.None));

        Assert.Contains("sns:ListSubscriptionsByTopic", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrailsCarryTheirRegionScopeAndLoggingStatus()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddTrail(new("org-trail", "us-east-1", true, true)).AddTrail(new("local", "eu-west-1", false, false)));

        var trails = await aws.Ports.AccountInventory.DescribeTrailsAsync(CancellationToken.None);

        Assert.Equal([new TrailInfo("org-trail", "us-east-1", true, true), new TrailInfo("local", "eu-west-1", false, false)], trails);
        Assert.True(aws.Server.CallsTo("DescribeTrails").Single().Input["includeShadowTrails"]!.GetValue<bool>());
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task SecretRotationDatesAreReadWithoutTheValue()
    {
        var changed = new DateTimeOffset(2026, 11, 12, 8, 0, 0, TimeSpan.Zero);
        await using var aws = LoopbackHarness.Start(a => a.AddSecret("hsm-dev-blue-crypto-user", "{\"username\":\"app_cu\",\"password\":\"Blue-Passw0rd\"}").LastChanged = changed);

        var secret = await aws.Ports.AccountInventory.DescribeSecretRotationAsync("hsm-dev-blue-crypto-user", CancellationToken.None);

        Assert.Equal(new SecretRotationInfo("hsm-dev-blue-crypto-user", false, null, changed), secret);
        Assert.Empty(aws.Server.CallsTo("GetSecretValue"));
        aws.Server.AssertConforms();
    }
}
