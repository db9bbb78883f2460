using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>Which listener rule counts as a slot's test route: only one that can send the slot's header nowhere else.</summary>
public sealed class TestRouteRuleTests
{
    private const string Green = "arn:tg/green";
    private const string Blue = "arn:tg/blue";

    private static ListenerRule Rule(IReadOnlyList<RuleCondition> conditions, params TargetGroupWeight[] forward) =>
        new("arn:rule/1", false, conditions, forward);

    private static RuleCondition Header(string name, params string[] values) => new("http-header", name, values);

    [Fact]
    public void TheDeclaredRuleIsTheTestRouteWhateverTheCaseOfTheHeader()
    {
        Assert.True(TestRouteRule.Routes(Rule([Header("x-hsm-slot", "GREEN")], new TargetGroupWeight(Green, 1)), Color.Green, Green));
    }

    [Fact]
    public void ARuleAlsoForwardingToTheOtherSlotIsNotATestRoute()
    {
        Assert.False(TestRouteRule.Routes(Rule([Header("X-Hsm-Slot", "green")], new TargetGroupWeight(Green, 1), new TargetGroupWeight(Blue, 1)), Color.Green, Green));
    }

    [Fact]
    public void AnotherGroupListedAtWeightZeroGetsNoRequests()
    {
        Assert.True(TestRouteRule.Routes(Rule([Header("X-Hsm-Slot", "green")], new TargetGroupWeight(Green, 1), new TargetGroupWeight(Blue, 0)), Color.Green, Green));
    }

    [Fact]
    public void ARuleWithAFurtherConditionIsNotATestRoute()
    {
        Assert.False(TestRouteRule.Routes(Rule([Header("X-Hsm-Slot", "green"), new RuleCondition("path-pattern", null, ["/admin/*"])], new TargetGroupWeight(Green, 1)), Color.Green, Green));
    }

    [Fact]
    public void TheOtherSlotsRouteIsNotTheTargetsTestRoute()
    {
        Assert.False(TestRouteRule.Routes(Rule([Header("X-Hsm-Slot", "blue")], new TargetGroupWeight(Green, 1)), Color.Green, Green));
    }

    [Fact]
    public void TheDefaultRuleIsNeverATestRoute()
    {
        Assert.False(TestRouteRule.Routes(new ListenerRule("arn:rule/default", true, [], [new TargetGroupWeight(Green, 100)]), Color.Green, Green));
    }
}
