using System.Globalization;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Core.Rotation.Comparison;

/// <summary>Every strategy side by side for a stack as configured, and the one that fits it (offline, from settings only).</summary>
public static class StrategyComparison
{
    public static IReadOnlyList<ApproachProfile> For(StackSettings settings, RotationOptions options) =>
        [.. RotationStrategies.All.Select(s => s.Profile(settings, options))];

    /// <summary>
    /// No downtime first, then the fewer extra HSMs (the larger part of the extra cost), then the listing order; one
    /// with downtime only when it is the only one this stack is ready for. Null when none is.
    /// </summary>
    public static ApproachProfile? Recommended(IReadOnlyList<ApproachProfile> profiles) =>
        profiles.Where(p => p.Fits).OrderByDescending(p => p.ZeroDowntime).ThenBy(p => p.ExtraHsms).ThenBy(p => p.Strategy.Order).FirstOrDefault();

    internal static int ClientCount(StackSettings settings) =>
        settings.Slot(settings.ServingColor) is { ClientCount: > 0 } serving ? serving.ClientCount : settings.Clients.DefaultCount;

    internal static TimeSpan TypicalShiftRun(RotationOptions options) =>
        ((options.Settle + options.Bake) * options.Steps.Percents.Count) + RotationPlan.SecretCommandsTime + RotationPlan.TypicalInstanceTime;

    internal static (decimal? Total, string? Missing) Sum(params (decimal? Price, int Count, string Key)[] parts)
    {
        var missing = parts.FirstOrDefault(p => p.Count > 0 && p.Price is null);
        return missing.Key is not null ? (null, missing.Key) : (parts.Sum(p => (p.Price ?? 0m) * p.Count), null);
    }

    internal static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";
}
