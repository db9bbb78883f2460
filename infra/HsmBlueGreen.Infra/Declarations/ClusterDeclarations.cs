using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

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

    /// <summary>
    /// The cluster inputs that force a replacement (terraform-provider-aws cloudhsmv2 cluster.go: all but tags).
    /// Frozen with ignoreChanges, so an edit of the stack-wide hsmType or hsmSubnets reaches only slots created
    /// after it, never a live cluster (replaced in dev, a failed update on protect in prod).
    /// </summary>
    public static readonly IReadOnlyList<string> ClusterFrozenInputs = ["hsmType", "subnetIds", "sourceBackupIdentifier"];

    /// <summary>
    /// An HSM's subnet forces a replacement (hsm.go), which would change its IP under running clients. Its
    /// clusterId is left live: an HSM must follow its cluster if that is ever replaced on purpose.
    /// </summary>
    public static readonly IReadOnlyList<string> HsmFrozenInputs = ["subnetId"];

    /// <summary>The name of the one cluster both slots use (dual-user): it belongs to neither, so retiring a slot never touches it.</summary>
    public const string SharedCluster = "shared-cluster";

    public static ClusterResources Add(DeclaredResources declarations, StackSettings settings, SlotSettings slot)
    {
        var names = new SlotNames(slot.Color);
        return Add(declarations, settings, slot, names.Cluster, names.Hsm);
    }

    /// <summary>The cluster two slots share and its HSMs, declared once without a slot prefix.</summary>
    public static ClusterResources AddShared(DeclaredResources declarations, StackSettings settings, SlotSettings slot) =>
        Add(declarations, settings, slot, SharedCluster, zone => "shared-hsm-" + zone);

    private static ClusterResources Add(DeclaredResources declarations, StackSettings settings, SlotSettings slot, string clusterName, Func<string, string> hsmName)
    {
        var cluster = slot.Cluster switch
        {
            // An existing cluster is only read: Pulumi never creates, changes or deletes it.
            ClusterSource.Existing existing => declarations.Add(clusterName, new Lookup(CloudHsmCluster.Token, existing.ClusterId)),
            ClusterSource.FromBackup restore => declarations.Add(
                clusterName,
                new CloudHsmCluster(settings.HsmType, [.. settings.HsmSubnets.SubnetIds])
                {
                    SourceBackupIdentifier = restore.BackupId,
                    Tags = Tags.ForCluster(settings, slot, clusterName),
                },
                o => o with { Protect = settings.IsProduction && !slot.Retiring, CustomTimeouts = Timeouts, IgnoreChanges = ClusterFrozenInputs }),
            _ => throw new InvalidOperationException($"unknown cluster source {slot.Cluster}"),
        };

        var hsms = new List<Resource>();
        foreach (var (zone, subnetId) in settings.HsmSubnets.Entries)
        {
            // The first HSM of a cluster must be up before the others are added: they clone from it.
            var first = hsms.FirstOrDefault();
            hsms.Add(declarations.Add(
                hsmName(zone),
                new CloudHsmHsm(cluster.Output("clusterId")) { SubnetId = subnetId },
                o => o with { CustomTimeouts = Timeouts, DependsOn = first is null ? [] : [first.Self], IgnoreChanges = HsmFrozenInputs }));
        }

        return new ClusterResources(cluster, hsms);
    }
}
