using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Build;

/// <summary>A slot's cluster and its HSMs.</summary>
internal sealed record ClusterResources(Resource Cluster, IReadOnlyList<Resource> Hsms)
{
    public string ClusterId => Cluster.Output("clusterId");

    /// <summary>The group CloudHSM created for the cluster, which the HSMs' network interfaces are in.</summary>
    public string SecurityGroupId => Cluster.Output("securityGroupId");

    public IEnumerable<string> HsmAddresses => Hsms.Select(h => h.Output("ipAddress"));
}

internal static class ClusterDeclarations
{
    /// <summary>An HSM takes 10-20 minutes and a restore longer: well above the provider's defaults.</summary>
    public static readonly CustomTimeouts Timeouts = new("120m", "120m", "120m");

    public static ClusterResources Add(Declarations declarations, StackSettings settings, SlotSettings slot)
    {
        var names = new SlotNames(slot.Color);
        var cluster = slot.Cluster switch
        {
            // An existing cluster is only read: Pulumi never creates, changes or deletes it.
            ClusterSource.Existing existing => declarations.Add(names.Cluster, new Lookup(CloudHsmCluster.Token, existing.ClusterId)),
            ClusterSource.FromBackup restore => declarations.Add(
                names.Cluster,
                new CloudHsmCluster(settings.HsmType, [.. settings.HsmSubnets.SubnetIds])
                {
                    SourceBackupIdentifier = restore.BackupId,
                    Tags = Tags.For(settings, slot.Color, names.Cluster),
                },
                o => o with { Protect = settings.IsProduction, CustomTimeouts = Timeouts }),
            _ => throw new InvalidOperationException($"unknown cluster source {slot.Cluster}"),
        };

        var hsms = new List<Resource>();
        foreach (var (zone, subnetId) in settings.HsmSubnets.Entries)
        {
            // The first HSM of a cluster must be up before the others are added: they clone from it.
            var first = hsms.FirstOrDefault();
            hsms.Add(declarations.Add(
                names.Hsm(zone),
                new CloudHsmHsm(cluster.Output("clusterId")) { SubnetId = subnetId },
                o => o with { CustomTimeouts = Timeouts, DependsOn = first is null ? [] : [first.Self] }));
        }

        return new ClusterResources(cluster, hsms);
    }
}
