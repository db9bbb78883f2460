using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ports;

public class LoadBalancerTests
{
    private static LoopbackHarness Start() => LoopbackHarness.Start(a => a
        .AddListener(Fixtures.ListenerArn, (Fixtures.BlueTargetGroup, 100), (Fixtures.GreenTargetGroup, 0))
        .SetTargets(Fixtures.BlueTargetGroup, new FakeTarget("i-0aaaaaaaaaaaaaaa1", "healthy"))
        .SetTargets(Fixtures.GreenTargetGroup, new FakeTarget("i-0bbbbbbbbbbbbbbb1", "unhealthy", "Target.FailedHealthChecks"), new FakeTarget("i-0bbbbbbbbbbbbbbb2", "initial", "Elb.InitialHealthChecking")));

    [Fact]
    public async Task TheListenerWeightsAreRead()
    {
        await using var aws = Start();

        var listener = await aws.Ports.LoadBalancer.GetListenerAsync(Fixtures.ListenerArn, CancellationToken.None);

        Assert.Equal([new TargetGroupWeight(Fixtures.BlueTargetGroup, 100), new TargetGroupWeight(Fixtures.GreenTargetGroup, 0)], listener.Weights);
        Assert.Null(listener.StickinessSeconds);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task SettingWeightsReplacesTheForwardAction()
    {
        await using var aws = Start();

        await aws.Ports.LoadBalancer.SetWeightsAsync(Fixtures.ListenerArn, [new(Fixtures.BlueTargetGroup, 75), new(Fixtures.GreenTargetGroup, 25)], null, CancellationToken.None);

        Assert.Equal([(Fixtures.BlueTargetGroup, 75), (Fixtures.GreenTargetGroup, 25)], aws.Account.WeightsOf(Fixtures.ListenerArn));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task ATargetGroupAtZeroIsSentWithAnExplicitWeightZero()
    {
        await using var aws = Start();

        await aws.Ports.LoadBalancer.SetWeightsAsync(Fixtures.ListenerArn, [new(Fixtures.BlueTargetGroup, 0), new(Fixtures.GreenTargetGroup, 100)], null, CancellationToken.None);

        var sent = aws.Server.CallsTo("ModifyListener").Single().Input["DefaultActions"]![0]!["ForwardConfig"]!["TargetGroups"]!.AsArray();
        Assert.Equal([(Fixtures.BlueTargetGroup, 0), (Fixtures.GreenTargetGroup, 100)], sent.Select(t => (t!["TargetGroupArn"]!.ToString(), int.Parse(t["Weight"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture))));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task TheFirstReadAfterAChangeMayStillShowThePreviousWeights()
    {
        await using var aws = Start();

        await aws.Ports.LoadBalancer.SetWeightsAsync(Fixtures.ListenerArn, [new(Fixtures.BlueTargetGroup, 90), new(Fixtures.GreenTargetGroup, 10)], null, CancellationToken.None);
        var first = await aws.Ports.LoadBalancer.GetListenerAsync(Fixtures.ListenerArn, CancellationToken.None);
        var second = await aws.Ports.LoadBalancer.GetListenerAsync(Fixtures.ListenerArn, CancellationToken.None);

        Assert.Equal(("100,0", "90,10"), (string.Join(',', first.Weights.Select(w => w.Weight)), string.Join(',', second.Weights.Select(w => w.Weight))));
    }

    [Fact]
    public async Task AllWeightsAtZeroAreRefusedBeforeAnyCall()
    {
        await using var aws = Start();

        await Assert.ThrowsAsync<ArgumentException>(() => aws.Ports.LoadBalancer.SetWeightsAsync(Fixtures.ListenerArn, [new(Fixtures.BlueTargetGroup, 0)], null, CancellationToken.None));

        Assert.Empty(aws.Server.CallsTo("ModifyListener"));
    }

    [Fact]
    public async Task StickinessIsSetAndReadBack()
    {
        await using var aws = Start();

        aws.Account.ListenerReadLag = 0;
        await aws.Ports.LoadBalancer.SetWeightsAsync(Fixtures.ListenerArn, [new(Fixtures.BlueTargetGroup, 90), new(Fixtures.GreenTargetGroup, 10)], 60, CancellationToken.None);
        var listener = await aws.Ports.LoadBalancer.GetListenerAsync(Fixtures.ListenerArn, CancellationToken.None);

        Assert.Equal(60, listener.StickinessSeconds);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task TargetHealthIsMappedWithReasons()
    {
        await using var aws = Start();

        var health = await aws.Ports.LoadBalancer.GetTargetHealthAsync(Fixtures.GreenTargetGroup, CancellationToken.None);

        Assert.Equal(
            [new TargetHealth("i-0bbbbbbbbbbbbbbb1", TargetHealthState.Unhealthy, "Target.FailedHealthChecks"), new TargetHealth("i-0bbbbbbbbbbbbbbb2", TargetHealthState.Initial, "Elb.InitialHealthChecking")],
            health);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task TargetsOfAGroupNoListenerOrRuleForwardsToAreUnused()
    {
        await using var aws = LoopbackHarness.Start(a => a
            .AddListener(Fixtures.ListenerArn, (Fixtures.BlueTargetGroup, 100))
            .SetTargets(Fixtures.BlueTargetGroup, new FakeTarget("i-0aaaaaaaaaaaaaaa1", "healthy"))
            .SetTargets(Fixtures.GreenTargetGroup, new FakeTarget("i-0bbbbbbbbbbbbbbb1", "healthy")));

        var health = await aws.Ports.LoadBalancer.GetTargetHealthAsync(Fixtures.GreenTargetGroup, CancellationToken.None);

        Assert.Equal([new TargetHealth("i-0bbbbbbbbbbbbbbb1", TargetHealthState.Unused, "Target.NotInUse")], health);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AGroupOnlyARuleForwardsToIsHealthChecked()
    {
        await using var aws = LoopbackHarness.Start(a => a
            .AddListener(Fixtures.ListenerArn, (Fixtures.BlueTargetGroup, 100))
            .AddListenerRule(Fixtures.ListenerArn, Fixtures.GreenTargetGroup, "X-Hsm-Slot", "green")
            .SetTargets(Fixtures.BlueTargetGroup, new FakeTarget("i-0aaaaaaaaaaaaaaa1", "healthy"))
            .SetTargets(Fixtures.GreenTargetGroup, new FakeTarget("i-0bbbbbbbbbbbbbbb1", "healthy")));

        var health = await aws.Ports.LoadBalancer.GetTargetHealthAsync(Fixtures.GreenTargetGroup, CancellationToken.None);

        Assert.Equal([new TargetHealth("i-0bbbbbbbbbbbbbbb1", TargetHealthState.Healthy, null)], health);
    }

    [Fact]
    public async Task ARulesHeaderConditionAndForwardActionAreRead()
    {
        await using var aws = Start();
        aws.Account.AddListenerRule(Fixtures.ListenerArn, Fixtures.GreenTargetGroup, "X-Hsm-Slot", "green");

        var rules = await aws.Ports.LoadBalancer.GetRulesAsync(Fixtures.ListenerArn, CancellationToken.None);

        var rule = Assert.Single(rules, r => !r.IsDefault);
        var condition = Assert.Single(rule.Conditions);
        Assert.Equal(("http-header", "X-Hsm-Slot", "green"), (condition.Field, condition.HttpHeaderName, Assert.Single(condition.Values)));
        Assert.Equal([new TargetGroupWeight(Fixtures.GreenTargetGroup, 1)], rule.Forward);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task TheDefaultRuleIsListedWithTheListenersForwardAction()
    {
        await using var aws = Start();

        var rules = await aws.Ports.LoadBalancer.GetRulesAsync(Fixtures.ListenerArn, CancellationToken.None);

        var rule = Assert.Single(rules);
        Assert.True(rule.IsDefault);
        Assert.Empty(rule.Conditions);
        Assert.Equal([new TargetGroupWeight(Fixtures.BlueTargetGroup, 100), new TargetGroupWeight(Fixtures.GreenTargetGroup, 0)], rule.Forward);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task RulesOnLaterPagesAreReadByNextMarker()
    {
        await using var aws = Start();
        aws.Account.RulesPageSize = 1;
        aws.Account.AddListenerRule(Fixtures.ListenerArn, Fixtures.BlueTargetGroup, "X-Hsm-Slot", "blue").AddListenerRule(Fixtures.ListenerArn, Fixtures.GreenTargetGroup, "X-Hsm-Slot", "green");

        var rules = await aws.Ports.LoadBalancer.GetRulesAsync(Fixtures.ListenerArn, CancellationToken.None);

        Assert.Equal(["blue", "green", "default"], rules.Select(r => r.IsDefault ? "default" : r.Conditions.Single().Values.Single()));
        Assert.Equal(3, aws.Server.CallsTo("DescribeRules").Count());
        aws.Server.AssertConforms();
    }
}
