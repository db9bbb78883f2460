using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;

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

    [Theory]
    [InlineData(0, 0)]
    [InlineData(2, 2)]
    public async Task AnInstanceInStandbyKeepsTheSlotFromBeingQuietAndStopsBeforeAnyScaling(int desired, int inService)
    {
        var harness = new RotationHarness();
        harness.Account.Groups["asg-green"] = new AppGroupState("asg-green", desired, 0, 4, inService, inService + 1) { Standby = 1 };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("1 instance of asg-green is in Standby", result.Message, StringComparison.Ordinal);
        Assert.Equal((0, Fakes.FakeAccount.BluePassword), (harness.Account.Count("groups.set"), harness.UserOf(Core.Slots.Color.Green).Password));
        Assert.True(harness.Account.Clock.Waited < RotationOptions.Default.HealthTimeout, $"waited {harness.Account.Clock.Waited} for instances a scale-in never removes");
    }
}
