namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>
/// CloudHSM creating and deleting what a `pulumi up` asks for (CreateCluster with SourceBackupId, CreateHsm,
/// DeleteHsm, DeleteCluster), on the account's clock. A cluster restored from a backup starts CREATE_IN_PROGRESS
/// with no HSMs and becomes ACTIVE without initialisation (the AWS provider waits for ACTIVE when SourceBackupId is
/// set, UNINITIALIZED otherwise); it holds the backup's users with their passwords. An HSM is CREATE_IN_PROGRESS,
/// then ACTIVE. The durations are assumed (third parties report 10-20 minutes each; AWS documents none).
/// </summary>
public sealed partial class FakeAwsAccount
{
    private readonly Dictionary<string, DateTimeOffset> clustersActiveAt = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> hsmsActiveAt = new(StringComparer.Ordinal);
    private int created;

    public TimeSpan ClusterCreationTime { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan HsmCreationTime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>CreateCluster with SourceBackupId: one subnet per zone, the backup's users and passwords.</summary>
    public FakeCluster RestoreCluster(string backupId, IReadOnlyDictionary<string, string> subnetMapping, IReadOnlyDictionary<string, string> tags)
    {
        lock (gate)
        {
            var backup = backups.FirstOrDefault(b => b.BackupId == backupId)
                ?? throw AwsFault.Invalid("CloudHsmResourceNotFoundException", $"Backup {backupId} not found.");
            if (backup.State != "READY")
            {
                throw AwsFault.Invalid("CloudHsmInvalidRequestException", $"Backup {backupId} is {backup.State}, not READY.");
            }

            var cluster = new FakeCluster(NewId("cluster-"), "CREATE_IN_PROGRESS", backupId, $"sg-{++created:x17}", [])
            {
                Tags = tags, SubnetMapping = subnetMapping, Passwords = backup.Passwords,
            };
            clusters.Add(cluster);
            clustersActiveAt[cluster.ClusterId] = Clock.GetUtcNow() + ClusterCreationTime;
            return cluster;
        }
    }

    /// <summary>CreateHsm in one of the cluster's zones, in the subnet the cluster maps to it; the cluster must be ACTIVE (or UNINITIALIZED).</summary>
    public FakeHsm CreateHsm(string clusterId, string availabilityZone)
    {
        lock (gate)
        {
            var cluster = ClusterNow(clusterId);
            if (cluster.State is not ("ACTIVE" or "UNINITIALIZED"))
            {
                throw AwsFault.Invalid("CloudHsmInvalidRequestException", $"Cluster {clusterId} is {cluster.State}; HSMs can be added only to an ACTIVE or UNINITIALIZED cluster.");
            }

            if (!cluster.Subnets.TryGetValue(availabilityZone, out var subnet))
            {
                throw AwsFault.Invalid("CloudHsmInvalidRequestException", $"Cluster {clusterId} has no subnet in {availabilityZone}.");
            }

            var hsm = new FakeHsm(NewId("hsm-"), availabilityZone, subnet, "CREATE_IN_PROGRESS");
            Replace(cluster with { Hsms = [.. cluster.Hsms, hsm] });
            hsmsActiveAt[hsm.HsmId] = Clock.GetUtcNow() + HsmCreationTime;
            return hsm;
        }
    }

    /// <summary>DeleteHsm: the HSM leaves the cluster (its DELETE_IN_PROGRESS is not modelled).</summary>
    public void DeleteHsm(string clusterId, string hsmId)
    {
        lock (gate)
        {
            var cluster = ClusterNow(clusterId);
            Replace(cluster with { Hsms = [.. cluster.Hsms.Where(h => h.HsmId != hsmId)] });
        }
    }

    /// <summary>DeleteCluster: refused while the cluster has HSMs ("you must delete all HSMs first"); then DELETED.</summary>
    public void DeleteCluster(string clusterId)
    {
        lock (gate)
        {
            var cluster = ClusterNow(clusterId);
            if (cluster.Hsms.Count > 0)
            {
                throw AwsFault.Invalid("CloudHsmInvalidRequestException", $"Cluster {clusterId} still has {cluster.Hsms.Count} HSM(s); delete them first.");
            }

            Replace(cluster with { State = "DELETED" });
        }
    }

    /// <summary>TagResource on a cluster: the tags as given replace the cluster's.</summary>
    public void SetClusterTags(string clusterId, IReadOnlyDictionary<string, string> tags)
    {
        lock (gate)
        {
            Replace(ClusterNow(clusterId) with { Tags = tags });
        }
    }

    /// <summary>The cluster as DescribeClusters shows it now: creations whose time has passed are ACTIVE.</summary>
    public FakeCluster ClusterNow(string clusterId)
    {
        lock (gate)
        {
            SettleCreations();
            return clusters.FirstOrDefault(c => c.ClusterId == clusterId)
                ?? throw AwsFault.Invalid("CloudHsmResourceNotFoundException", $"Cluster {clusterId} not found.");
        }
    }

    private void SettleCreations()
    {
        var now = Clock.GetUtcNow();
        bool Due(Dictionary<string, DateTimeOffset> pending, string id) => pending.TryGetValue(id, out var at) && now >= at && pending.Remove(id);
        foreach (var cluster in clusters.ToList())
        {
            Replace(cluster with
            {
                State = Due(clustersActiveAt, cluster.ClusterId) ? "ACTIVE" : cluster.State,
                Hsms = [.. cluster.Hsms.Select(h => Due(hsmsActiveAt, h.HsmId) ? h with { State = "ACTIVE" } : h)],
            });
        }
    }

    private void Replace(FakeCluster cluster)
    {
        var index = clusters.FindIndex(c => c.ClusterId == cluster.ClusterId);
        clusters[index] = cluster;
    }

    /// <summary>An id in the shape the models want: the prefix and 11 characters of [2-7a-z].</summary>
    private string NewId(string prefix)
    {
        var n = ++created;
        var chars = new char[11];
        for (var i = chars.Length - 1; i >= 0; i--, n /= 32)
        {
            chars[i] = "abcdefghijklmnopqrstuvwxyz234567"[n % 32];
        }

        return prefix + new string(chars);
    }
}
