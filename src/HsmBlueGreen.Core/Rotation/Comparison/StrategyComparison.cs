using System.Globalization;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Comparison;

/// <summary>The three strategies side by side for a stack as configured, and the one that fits it (offline, from settings only).</summary>
public static class StrategyComparison
{
    public static IReadOnlyList<ApproachProfile> For(StackSettings settings, RotationOptions options) =>
        [GreenCluster(settings, options), DualUser(settings, options), MaintenanceWindow(settings, options)];

    /// <summary>
    /// No downtime first, then the lower extra cost (dual-user runs no extra HSM); maintenance-window only when it is
    /// the only one this stack is ready for. Null when none is.
    /// </summary>
    public static ApproachProfile? Recommended(IReadOnlyList<ApproachProfile> profiles) =>
        profiles.Where(p => p.Fits).OrderByDescending(p => p.ZeroDowntime).ThenBy(p => p.Strategy == Strategy.DualUser ? 0 : 1).FirstOrDefault();

    private static ApproachProfile GreenCluster(StackSettings settings, RotationOptions options)
    {
        var (serving, other) = (settings.ServingColor, settings.ServingColor.Other());
        var zones = settings.HsmSubnets.ZoneCount;
        var clients = ClientCount(settings);
        var prices = settings.Prices;
        var cost = Sum((prices.Hsm, zones, "prices.hsmPerHour"), (prices.ClientInstance, clients, "prices.clientInstancePerHour"), (prices.AdminInstance, 1, "prices.adminInstancePerHour"));
        var notReady = settings.Slot(other) is not { Cluster: ClusterSource.FromBackup } target
            ? $"slots.{other.Key()} is not restored from a backup (set slots.{other.Key()}.sourceBackupId)"
            : !string.Equals(target.CryptoUser, settings.Slot(serving)?.CryptoUser, StringComparison.Ordinal)
                ? $"slots.{other.Key()}.cryptoUser differs from {serving.Key()}'s"
                : null;
        return new(
            Strategy.GreenCluster,
            "none: traffic shifts in gated steps",
            $"{Count(zones, "HSM")} ({settings.HsmType}) in a restored cluster, {Count(clients, "client instance")} ({settings.Clients.InstanceType}), 1 admin host ({settings.AdminInstanceType})",
            $"from 'pulumi up' of {other.Key()} (the restore) until {serving.Key()} is retired; the rotation itself about {Durations.Format(TypicalShiftRun(options))}",
            cost.Total,
            cost.Missing,
            [$"a recent backup of {serving.Key()}'s cluster (slots.{other.Key()}.sourceBackupId)", "the same crypto user in both slots", "the load balancer in front of both slots"],
            notReady);
    }

    private static ApproachProfile DualUser(StackSettings settings, RotationOptions options)
    {
        var clients = ClientCount(settings);
        var cost = Sum((settings.Prices.ClientInstance, clients, "prices.clientInstancePerHour"));
        var notReady = !settings.SlotsShareCluster
            ? "the slots are on different clusters (dual-user needs both on one, with two crypto users)"
            : settings.KeyLabels.Count == 0 ? "keyLabels is empty (the keys to check for sharing)" : null;
        return new(
            Strategy.DualUser,
            "none: traffic shifts in gated steps",
            $"no HSM; {Count(clients, "client instance")} ({settings.Clients.InstanceType}) of the idle slot; its admin host ({settings.AdminInstanceType}) runs all the time",
            $"the client instances about {Durations.Format(TypicalShiftRun(options))} per rotation",
            cost.Total,
            cost.Missing,
            ["both slots on one cluster, two crypto users", "every key in keyLabels shared with both users (checked in preflight); a shared key can only be used, never exported, wrapped, deleted or derived from", "the load balancer in front of both slots"],
            notReady);
    }

    private static ApproachProfile MaintenanceWindow(StackSettings settings, RotationOptions options)
    {
        var window = options.Window ?? settings.MaintenanceWindow;
        return new(
            Strategy.MaintenanceWindow,
            window is null ? "the window's length (no window configured)" : $"up to {Durations.Format(window.MaxDuration)}, inside the window ({window})",
            "nothing",
            "-",
            0m,
            null,
            ["planned downtime accepted, and a window (maintenanceWindow or --window-start/--window-duration)"],
            window is null ? "no maintenance window is configured (maintenanceWindow.start, maintenanceWindow.maxDuration)" : null);
    }

    private static int ClientCount(StackSettings settings) =>
        settings.Slot(settings.ServingColor) is { ClientCount: > 0 } serving ? serving.ClientCount : settings.Clients.DefaultCount;

    private static TimeSpan TypicalShiftRun(RotationOptions options) =>
        ((options.Settle + options.Bake) * options.Steps.Percents.Count) + RotationPlan.SecretCommandsTime + RotationPlan.TypicalInstanceTime;

    private static (decimal? Total, string? Missing) Sum(params (decimal? Price, int Count, string Key)[] parts)
    {
        var missing = parts.FirstOrDefault(p => p.Count > 0 && p.Price is null);
        return missing.Key is not null ? (null, missing.Key) : (parts.Sum(p => (p.Price ?? 0m) * p.Count), null);
    }

    private static string Count(int n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? string.Empty : "s")}";
}
