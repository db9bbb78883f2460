using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>
/// Every strategy, by its key. There is no list to edit: each strategy's own file adds a field to this partial class
/// that registers it (no reflection, so NativeAOT keeps it), and <see cref="IRotationStrategy.Order"/> sorts them,
/// since C# does not specify in which order the fields of several files are initialised.
/// </summary>
public static partial class RotationStrategies
{
    // No initialiser: a field initialiser here could run after another file's Register and drop what it added.
    private static List<IRotationStrategy>? registered;
    private static IReadOnlyList<IRotationStrategy>? all;

    public static IReadOnlyList<IRotationStrategy> All => all ??= [.. (registered ?? []).OrderBy(s => s.Order)];

    /// <summary>What a command line without --strategy runs: the first in order.</summary>
    public static IRotationStrategy Default => All[0];

    public static IReadOnlyList<string> Keys => [.. All.Select(s => s.Key)];

    /// <summary>The strategy with this key (from --strategy or a run record), or a refusal naming the keys there are.</summary>
    public static IRotationStrategy For(string key) =>
        All.FirstOrDefault(s => string.Equals(s.Key, key, StringComparison.Ordinal))
        ?? throw new RotationInputException($"--strategy '{key}' is not a strategy. Fix: use one of {string.Join(", ", Keys)}.");

    /// <summary>
    /// The strategy a stack's layout implies when no run record names one (abort or status before any run): the first
    /// one that shifts traffic and takes the stack as it is configured, else the default.
    /// </summary>
    public static IRotationStrategy ImpliedBy(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var serving = settings.ServingColor;
        return settings.Slot(serving) is { } from && settings.Slot(serving.Other()) is { } to
            ? All.FirstOrDefault(s => s.ShiftsTraffic && s.Refusal(settings, null, from, to) is null) ?? Default
            : Default;
    }

    /// <summary>Called by each strategy's registration field; returns the strategy so the field holds it.</summary>
    private static IRotationStrategy Register(IRotationStrategy strategy)
    {
        (registered ??= []).Add(strategy);
        return strategy;
    }
}
