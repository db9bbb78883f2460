using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>What the slots share: the listener and its traffic split, alerts, and the outputs the step program reads.</summary>
public sealed class SharedDeclarationTests
{
    private static StackProgram Prod => Programs.ShippedProgram("prod");

    private static StackProgram Dev => Programs.ShippedProgram("dev");

    [Fact]
    public void SlotAtZeroPercentStaysInTheForwardActionWithAnExplicitZero()
    {
        var groups = Prod.Body<Listener>("listener").DefaultActions.Single().Forward!.TargetGroups;

        Assert.Equal([new ListenerForwardTargetGroup("${blue-tg.arn}", 100), new ListenerForwardTargetGroup("${green-tg.arn}", 0)], groups);
    }

    [Theory]
    [InlineData("blue", 10)]
    [InlineData("green", 20)]
    public void EachSlotHasATestRouteOnTheListenerForwardingOnlyToItsTargetGroupWhenTheHeaderNamesIt(string slot, int priority)
    {
        var rule = Prod.Body<ListenerRule>($"{slot}-test-route");

        Assert.Equal(("${listener.arn}", priority), (rule.ListenerArn, rule.Priority));
        Assert.Equal([new ListenerRuleAction("forward") { TargetGroupArn = $"${{{slot}-tg.arn}}" }], rule.Actions);
        var header = Assert.Single(rule.Conditions).HttpHeader!;
        Assert.Equal(("X-Hsm-Slot", slot), (header.HttpHeaderName, Assert.Single(header.Values)));
    }

    [Fact]
    public void SplitTrafficForwardsToBothSlotsAtTheirWeights()
    {
        var program = Programs.Build(StackYaml.Replace("    blue: 100\n    green: 0", "    blue: 75\n    green: 25"));

        var groups = program.Body<Listener>("listener").DefaultActions.Single().Forward!.TargetGroups;
        Assert.Equal([new ListenerForwardTargetGroup("${blue-tg.arn}", 75), new ListenerForwardTargetGroup("${green-tg.arn}", 25)], groups);
    }

    [Fact]
    public void StickinessIsOnlyDeclaredWhenConfigured()
    {
        var sticky = Programs.Build(StackYaml.Replace("  hsm-blue-green:clientAmiId:", "  hsm-blue-green:stickinessSeconds: \"60\"\n  hsm-blue-green:clientAmiId:"));

        Assert.Equal(new ListenerForwardStickiness(true, 60), sticky.Body<Listener>("listener").DefaultActions.Single().Forward!.Stickiness);
        Assert.Null(Prod.Body<Listener>("listener").DefaultActions.Single().Forward!.Stickiness);
    }

    [Fact]
    public void ListenerHasTheNameTheStepProgramTargets()
    {
        Assert.Equal(Listener.Token, Prod.Find(StackResourceNames.Listener)?.Type);
    }

    [Fact]
    public void OutputsAreTheOnesTheStepProgramReads()
    {
        string[] expected =
        [
            .. new[] { Color.Blue, Color.Green }.SelectMany(c => new[]
            {
                StackOutputNames.ClusterId(c), StackOutputNames.ClusterSecurityGroupId(c), StackOutputNames.TargetGroupArn(c),
                StackOutputNames.AppGroupName(c), StackOutputNames.SecretArn(c), StackOutputNames.AdminInstanceId(c),
            }),
            StackOutputNames.LoadBalancerArn, StackOutputNames.ListenerArn, StackOutputNames.AlbDnsName,
        ];

        Assert.Equal(expected, Prod.Outputs.Select(o => o.Key));
    }

    [Fact]
    public void AlertsWatchTheDestructiveCloudHsmCallsAndMailEachAddress()
    {
        var pattern = Prod.Body<EventRule>("alerts-rule").EventPattern.Document;

        Assert.Equal(
            ["CopyBackupToRegion", "DeleteBackup", "DeleteCluster", "DeleteHsm", "PutResourcePolicy"],
            pattern["detail"]!["eventName"]!.AsArray().Select(n => (string?)n));
        Assert.Equal(
            ["hsm-oncall@example.com", "security-operations@example.com"],
            Prod.All<SnsTopicSubscription>().Select(s => s.Body.Endpoint));
    }

    [Fact]
    public void SecretCertificateIsAConfigReferenceDeclaredSecret()
    {
        var yaml = StackYaml.Replace("hsm-blue-green:certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6", "hsm-blue-green:certificateArn:\n    secure: v1:bm9uY2U=:Y2lwaGVy");
        var program = Programs.Build(yaml);

        Assert.Equal("${certificateArn}", program.Body<Listener>("listener").CertificateArn);
        Assert.Equal(["certificateArn"], program.SecretConfigKeys);
        Assert.Equal(new JsonObject { ["type"] = "string", ["secret"] = true }.ToJsonString(), ProgramDocument.From(program)["config"]!["certificateArn"]!.ToJsonString());
    }

    [Fact]
    public void DevListenerIsPlainHttpWithoutCertificate()
    {
        var listener = Dev.Body<Listener>("listener");

        Assert.Equal(("HTTP", 80, null, null), (listener.Protocol, listener.Port, listener.CertificateArn, listener.SslPolicy));
    }
}
