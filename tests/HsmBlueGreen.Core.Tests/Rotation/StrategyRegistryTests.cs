using System.Text.Json;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>
/// A strategy registers itself from its own file: every registered one has its own key and place in the listing,
/// is what --strategy with its key names, and comes back from the run record by that key.
/// </summary>
public sealed class StrategyRegistryTests
{
    public static TheoryData<string> Keys() => [.. RotationStrategies.Keys];

    [Fact]
    public void EveryStrategyHasItsOwnKeyAndPlaceInTheListing()
    {
        var all = RotationStrategies.All;

        Assert.Equal((all.Count, all.Count), (all.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count(), all.Select(s => s.Order).Distinct().Count()));
        Assert.Equal(all.OrderBy(s => s.Order), all);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryKeyNamesItsOwnStrategy(string key)
    {
        Assert.Equal(key, RotationStrategies.For(key).Key);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryStrategyComesBackFromTheRunRecordByItsKey(string key)
    {
        var record = new RunRecord("run-1", Color.Blue, Color.Green, RotationOptions.Default with { StrategyKey = key }, ["preflight", "done"], "0123456789abcdef", 0, DateTimeOffset.UnixEpoch);

        var json = RunRecordJson.Write(record);

        Assert.Equal("\"" + key + "\"", JsonDocument.Parse(json).RootElement.GetProperty("options").GetProperty("strategy").GetRawText());
        Assert.Same(RotationStrategies.For(key), RotationStrategies.For(RunRecordJson.Read(json).StrategyKey));
    }

    [Fact]
    public void AnUnknownKeyIsRefusedNamingEveryKey()
    {
        var refused = Assert.Throws<RotationInputException>(() => RotationStrategies.For("blue-only"));

        Assert.Equal($"--strategy 'blue-only' is not a strategy. Fix: use one of {string.Join(", ", RotationStrategies.Keys)}.", refused.Message);
    }
}
