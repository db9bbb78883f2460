using HsmBlueGreen.Core.Rotation.Strategies;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>Every strategy key has exactly one strategy type, and its command-line name reads back to it.</summary>
public sealed class StrategyRegistryTests
{
    public static TheoryData<Strategy> Keys() => [.. StrategyKeys.All];

    [Theory]
    [MemberData(nameof(Keys))]
    public void EveryKeyHasOneStrategyWhoseNameParsesBackToIt(Strategy key)
    {
        var strategy = Assert.Single(RotationStrategies.All, s => s.Kind == key);

        Assert.Equal(key, StrategyKeys.Parse(strategy.Key));
    }
}
