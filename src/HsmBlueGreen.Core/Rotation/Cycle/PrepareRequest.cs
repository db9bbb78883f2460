using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Rotation.Cycle;

/// <param name="BackupId">--backup-id: use this backup instead of the newest qualifying one (checked the same way).</param>
/// <param name="Confirm">Asked with the preview before `pulumi up`; null means --yes.</param>
/// <param name="PollInterval">How often the new cluster and its HSMs are read while they are created.</param>
/// <param name="WaitLimit">How long to wait for them before stopping (a re-run keeps waiting).</param>
public sealed record PrepareRequest(string? BackupId, Func<StackPreview, Task<bool>>? Confirm, TimeSpan PollInterval, TimeSpan WaitLimit)
{
    /// <summary>A cluster and each HSM take 10-20 minutes to create; an hour covers both with room.</summary>
    public static PrepareRequest Unattended(string? backupId = null) => new(backupId, null, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(60));
}
