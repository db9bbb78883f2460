using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>
/// A slot is quiet only with desired 0, minimum 0 and no instance attached in any lifecycle state: Auto Scaling refuses a
/// desired capacity below the minimum, and never terminates an instance in Standby on a scale-in.
/// </summary>
public sealed class QuiesceTests
{
    [Fact]
    public async Task AGroupWhoseMinimumIsAboveZeroStopsBeforeAnyScalingWithTheFix()
    {
        var harness = new RotationHarness();
        harness.Account.Groups["asg-green"] = new AppGroupState("asg-green", 1, 1, 4, 1, 1);

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("asg-green has a minimum size of 1", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Account.Count("groups.set"));
    }

    [Fact]
    public async Task AnInstanceInStandbyKeepsTheSlotFromBeingQuietAndStopsAtOnce()
    {
        var harness = new RotationHarness();
        harness.Account.Groups["asg-green"] = new AppGroupState("asg-green", 0, 0, 4, 0, 1) { Standby = 1 };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("1 instance of asg-green is in Standby", result.Message, StringComparison.Ordinal);
        Assert.Equal(Fakes.FakeAccount.BluePassword, harness.UserOf(Core.Slots.Color.Green).Password);
        Assert.True(harness.Account.Clock.Waited < RotationOptions.Default.HealthTimeout, $"waited {harness.Account.Clock.Waited} for instances a scale-in never removes");
    }

    [Fact]
    public async Task AStandbyInstanceBesideInServiceOnesStopsBeforeAnyScaling()
    {
        var harness = new RotationHarness();
        harness.Account.Groups["asg-green"] = new AppGroupState("asg-green", 2, 0, 4, 2, 3) { Standby = 1 };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("1 instance of asg-green is in Standby", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Account.Count("groups.set"));
    }
}
