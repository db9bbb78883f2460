using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>What the stack file alone shows a strategy cannot work with; one line naming the key and the fix.</summary>
internal static class StrategyRules
{
    public static string? Refusal(StackSettings settings, Strategy strategy, MaintenanceWindow? window, SlotSettings from, SlotSettings to) => strategy switch
    {
        Strategy.GreenCluster => GreenCluster(settings, from, to),
        Strategy.DualUser => DualUser(settings, from, to),
        Strategy.MaintenanceWindow => settings.MaintenanceWindow is null && window is null
            ? $"--strategy maintenance-window needs a window and Pulumi.{settings.Stack}.yaml has none. Fix: pass --window-start 02:00 --window-duration 1h, or pulumi config set --stack {settings.Stack} --path 'maintenanceWindow.start' 02:00 and --path 'maintenanceWindow.maxDuration' 1h."
            : null,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, null),
    };

    private static string? GreenCluster(StackSettings settings, SlotSettings from, SlotSettings to)
    {
        var (f, t) = (from.Color.Key(), to.Color.Key());
        if (settings.SlotsShareCluster)
        {
            return $"both slots use cluster {((ClusterSource.Existing)from.Cluster).ClusterId} in Pulumi.{settings.Stack}.yaml, so there is no restored cluster to rotate to. Fix: use --strategy dual-user.";
        }

        if (to.Cluster is ClusterSource.Existing existing)
        {
            // After a rotation that was not retired, the old slot still names the cluster it served from: its user has
            // the password of before that rotation, not the serving slot's.
            return $"slots.{t} reads cluster {existing.ClusterId} (clusterId), which was not restored from a backup of {f}'s cluster, so its {to.CryptoUser} does not have {f}'s password. Fix: retire {t} ('hsm-rotate retire {t} --stack {settings.Stack}'), then restore it from a backup of {f}'s cluster taken after its last password change: pulumi config set --stack {settings.Stack} --path 'slots.{t}.sourceBackupId' <backup id> (and its cryptoUser), then pulumi up.";
        }

        return string.Equals(from.CryptoUser, to.CryptoUser, StringComparison.Ordinal)
            ? null
            : $"slots.{t}.cryptoUser is '{to.CryptoUser}' but {f}'s is '{from.CryptoUser}': a cluster restored from {f}'s backup has {f}'s users. Fix: pulumi config set --stack {settings.Stack} --path 'slots.{t}.cryptoUser' {from.CryptoUser}.";
    }

    private static string? DualUser(StackSettings settings, SlotSettings from, SlotSettings to)
    {
        var stack = settings.Stack;
        if (!settings.SlotsShareCluster)
        {
            var example = from.Cluster is ClusterSource.Existing existing ? existing.ClusterId : "<cluster id>";
            return $"--strategy dual-user needs both slots on one existing cluster, but Pulumi.{stack}.yaml gives them different clusters. Fix: pulumi config set --stack {stack} --path 'slots.{to.Color.Key()}.clusterId' {example} (and remove its sourceBackupId), then pulumi up.";
        }

        // The binder already refuses one user for two slots on one cluster; the key list is the other precondition.
        return settings.KeyLabels.Count == 0
            ? $"--strategy dual-user checks that every key the application uses is shared with both {from.CryptoUser} and {to.CryptoUser}, but keyLabels is empty in Pulumi.{stack}.yaml. Fix: pulumi config set --stack {stack} --path 'keyLabels[0]' <label of a key the application uses> (one entry per key)."
            : null;
    }
}
