using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Settings;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>
/// The config hsm-rotate writes through pulumi must bind again: the infrastructure program binds it at every `pulumi up`
/// the step program starts, and the next hsm-rotate command binds it before doing anything.
/// </summary>
public sealed class StackConfigRoundTripTests
{
    private static StackSettings Bind(IEnumerable<IReadOnlyList<KeyValuePair<string, string?>>> writes) =>
        StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", PulumiStackFile.Apply(StackYaml.Valid, writes.SelectMany(w => w))));

    /// <summary>The stack file as each `pulumi up` of the step program finds it.</summary>
    private static List<List<IReadOnlyList<KeyValuePair<string, string?>>>> StackFileAtEachUp(RotationHarness harness)
    {
        var seen = new List<List<IReadOnlyList<KeyValuePair<string, string?>>>>();
        harness.Account.BeforeCall = call =>
        {
            if (call == "stack.up")
            {
                seen.Add([.. harness.Account.ConfigWrites]);
            }
        };
        return seen;
    }

    [Fact]
    public async Task RotatedStackFileBindsWithTheTargetServingAtItsClientCount()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();

        var settings = Bind(harness.Account.ConfigWrites);

        Assert.Equal((new TrafficSplit(0, 100), Color.Green), (settings.Traffic, settings.ServingColor));
        Assert.Equal((2, 2), (settings.Slots[Color.Green].ClientCount, settings.Slots[Color.Blue].ClientCount));
    }

    [Fact]
    public async Task EveryUpOfARotationFindsAStackFileThatBinds()
    {
        var harness = new RotationHarness();
        var atUps = StackFileAtEachUp(harness);
        await harness.RunAsync();

        Assert.NotEmpty(atUps);
        Assert.All(atUps, writes => Assert.Equal(100, Bind(writes).Traffic.For(Color.Blue) + Bind(writes).Traffic.For(Color.Green)));
    }

    [Fact]
    public async Task InPlaceRotationBindsWithItsSlotQuiescedAndBackAtItsCount()
    {
        var harness = RotationHarness.MaintenanceWindow();
        var atUps = StackFileAtEachUp(harness);
        await harness.RunAsync();

        Assert.Contains(KeyValuePair.Create("slots.blue.clientCount", (string?)"0"), harness.Account.ConfigWrites.SelectMany(w => w));
        Assert.All(atUps, writes => Assert.Equal(Color.Blue, Bind(writes).ServingColor));
        Assert.Equal(2, Bind(harness.Account.ConfigWrites).Slots[Color.Blue].ClientCount);
    }

    [Fact]
    public async Task RunStoppedBetweenAnyTwoConfigWritesLeavesAStackFileThatBinds()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();
        var writes = harness.Account.ConfigWrites;

        Assert.All(Enumerable.Range(1, writes.Count), n => Bind(writes.Take(n)));
    }

    [Fact]
    public async Task RetiringAndRetiredSlotLeaveStackFilesThatBind()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();
        harness.Account.TagForRetire(Color.Blue);
        harness.Account.Clock.Advance(TimeSpan.FromMinutes(10));
        var atUps = StackFileAtEachUp(harness);

        var result = await RetireOperation.RunAsync(harness.NewRun(), TimeSpan.FromMinutes(5), assumeDrained: false);

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(2, atUps.Count);
        Assert.True(Bind(atUps[0]).Slots[Color.Blue].Retiring);
        var retired = Bind(atUps[1]);
        Assert.Equal([Color.Green], retired.Slots.Keys);
        Assert.Equal((new TrafficSplit(0, 100), Color.Green), (retired.Traffic, retired.ServingColor));
    }
}
