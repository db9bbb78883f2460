namespace HsmBlueGreen.Core.Ports;

/// <summary>The CloudHSM control plane, read-only: what preflight and retire need to know about clusters.</summary>
public interface IClusterControl
{
    /// <summary>The cluster with its HSMs, or null when no cluster has that id.</summary>
    Task<ClusterStatus?> DescribeClusterAsync(string clusterId, CancellationToken cancellationToken);

    /// <summary>The cluster's backups, newest first.</summary>
    Task<IReadOnlyList<BackupInfo>> DescribeBackupsAsync(string clusterId, CancellationToken cancellationToken);

    /// <summary>One backup by id (which cluster it was taken of, and when), or null when no backup has that id.</summary>
    Task<BackupInfo?> DescribeBackupAsync(string backupId, CancellationToken cancellationToken);
}

public enum ClusterState
{
    Unknown,
    CreateInProgress,
    Uninitialized,
    InitializeInProgress,
    Initialized,
    Active,
    UpdateInProgress,
    ModifyInProgress,
    RollbackInProgress,
    DeleteInProgress,
    Deleted,
    Degraded,
}

public enum HsmState
{
    Unknown,
    CreateInProgress,
    Active,
    Degraded,
    DeleteInProgress,
    Deleted,
}

public sealed record HsmStatus(string HsmId, string AvailabilityZone, string SubnetId, HsmState State);

public sealed record ClusterStatus(
    string ClusterId,
    ClusterState State,
    string? SourceBackupId,
    string? SecurityGroupId,
    IReadOnlyList<HsmStatus> Hsms)
{
    /// <summary>The cluster's tags: the deny statements allow deleting its HSMs only under the stack and retiring tags.</summary>
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Availability zone to the cluster's subnet there (DescribeClusters SubnetMapping): an HSM can be added only in one of these.</summary>
    public IReadOnlyDictionary<string, string> SubnetMapping { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}

/// <summary>A backup holds the cluster's users, keys and passwords as they were at <paramref name="CreatedAt"/>.</summary>
public sealed record BackupInfo(string BackupId, string ClusterId, string State, DateTimeOffset CreatedAt, bool NeverExpires)
{
    public bool IsReady => string.Equals(State, "READY", StringComparison.OrdinalIgnoreCase);
}
