namespace HsmBlueGreen.Core.Ports;

/// <summary>
/// A lease held in AWS (not a local file) so a second operator or CI job running the same rotation
/// sees it and refuses. Leases expire, so a crashed run does not block the next one forever.
/// </summary>
public interface IRotationLock
{
    Task<RotationLease?> ReadAsync(string resourceId, CancellationToken cancellationToken);

    /// <summary>Takes the lease when none is held or the held one has expired; returns the lease now in force.</summary>
    Task<RotationLease> TryAcquireAsync(string resourceId, RotationLease wanted, CancellationToken cancellationToken);

    Task ReleaseAsync(string resourceId, string runId, CancellationToken cancellationToken);
}

public sealed record RotationLease(string RunId, string Owner, DateTimeOffset ExpiresAt)
{
    public bool IsExpiredAt(DateTimeOffset now) => now >= ExpiresAt;
}
