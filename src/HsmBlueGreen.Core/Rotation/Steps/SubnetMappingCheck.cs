using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// A cluster the stack only reads (`slots.&lt;color&gt;.clusterId`) keeps the subnets it was created with, and CloudHSM
/// adds an HSM only in a subnet of the cluster's subnet mapping. The stack declares one HSM per `hsmSubnets` entry on
/// it, so an entry outside the mapping makes `pulumi up` fail. A restored cluster is created in `hsmSubnets` itself.
/// </summary>
internal static class SubnetMappingCheck
{
    public static string? Problem(RotationRun run, Color color, ClusterStatus cluster)
    {
        var settings = run.Plan.Settings;
        if (settings.Slot(color)?.Cluster is not ClusterSource.Existing)
        {
            return null;
        }

        var outside = settings.HsmSubnets.Entries.Where(e => !cluster.SubnetMapping.Values.Contains(e.Value, StringComparer.Ordinal)).ToList();
        if (outside.Count == 0)
        {
            return null;
        }

        var mapping = cluster.SubnetMapping.Count == 0 ? "no subnets" : string.Join(", ", cluster.SubnetMapping.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"{m.Key}: {m.Value}"));
        var commands = string.Join(" and ", cluster.SubnetMapping.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"pulumi config set --stack {run.Stack} --path 'hsmSubnets.{m.Key}' {m.Value}"));
        return $"hsmSubnets {string.Join(", ", outside.Select(e => $"{e.Key}: {e.Value}"))} not in the subnet mapping of {color.Key()}'s cluster {cluster.ClusterId} ({mapping}), which the stack reads (slots.{color.Key()}.clusterId): CloudHSM adds an HSM only in a subnet of its cluster, so 'pulumi up' cannot add one there. Fix: list only the cluster's subnets under hsmSubnets ({(commands.Length > 0 ? commands : "the cluster has none to use")}; remove other zones with pulumi config rm --stack {run.Stack} --path 'hsmSubnets.<zone>'), then pulumi up.";
    }
}
