namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>Every strategy, by its key: the one place a new strategy is listed.</summary>
public static class RotationStrategies
{
    public static IReadOnlyList<IRotationStrategy> All { get; } =
    [
        new GreenClusterStrategy(),
        new DualUserStrategy(),
        new MaintenanceWindowStrategy(),
    ];

    public static IRotationStrategy For(Strategy kind) =>
        All.FirstOrDefault(s => s.Kind == kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "no strategy has this key");
}
