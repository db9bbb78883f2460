using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// Green-cluster preflight: the target's crypto user has whatever password its cluster's backup held. A backup holds
/// the users and passwords of the moment it was taken, and CloudHSM takes one at least daily (and when an HSM is added
/// or removed) but never on request. So the target must be restored from a backup of the serving cluster, and the
/// seed is the serving secret's version that was current when that backup was taken, not simply today's AWSCURRENT;
/// otherwise the first login on the target would spend one of the user's few attempts. Read-only: the seed it finds comes
/// back as a new observation whose tokens derive from that version.
/// </summary>
internal static class RestoredClusterCheck
{
    /// <summary>CloudHSM backs up every active cluster at least this often.</summary>
    public static readonly TimeSpan BackupInterval = TimeSpan.FromHours(24);

    public static async Task<(StepResult Result, Observation Observed)> RunAsync(RotationRun run, Observation observed)
    {
        var (source, target, ct) = (run.Source.Key(), run.Target.Key(), run.CancellationToken);
        var (targetId, sourceId) = (observed.Target.ClusterId, observed.Source.ClusterId);
        var cluster = await run.Ports.Clusters.DescribeClusterAsync(targetId, ct).ConfigureAwait(false);
        if (cluster?.SourceBackupId is not { } backupId)
        {
            return Stop(observed, $"{target}'s cluster {targetId} was not restored from a backup, so its {run.Plan.TargetSlot.CryptoUser} does not have {source}'s password. Fix: {Restore(run, observed, "<backup id>")}");
        }

        var backup = await run.Ports.Clusters.DescribeBackupAsync(backupId, ct).ConfigureAwait(false);
        if (backup is null)
        {
            return Stop(observed, $"{target}'s cluster {targetId} was restored from backup {backupId}, which no longer exists, so nothing shows whose users and passwords it holds. Fix: {Restore(run, observed, "<backup id>")}");
        }

        if (!string.Equals(backup.ClusterId, sourceId, StringComparison.Ordinal))
        {
            return Stop(observed, $"{target}'s cluster {targetId} was restored from backup {backupId} of cluster {backup.ClusterId}, not of {source}'s cluster {sourceId}: its users have that cluster's passwords, not {source}'s. Fix: {Restore(run, observed, "<backup id>")}");
        }

        var versions = await run.Ports.Secrets.ListVersionsAsync(observed.Source.SecretArn, ct).ConfigureAwait(false);
        var current = versions.FirstOrDefault(v => v.Has(SecretStages.Current));
        if (current is null)
        {
            return (StepResult.Continue, observed); // the secret check that follows refuses a source without AWSCURRENT
        }

        var seed = SeedVersion(versions, current, backup);
        if (seed is null)
        {
            return Stop(observed, await StaleBackupAsync(run, observed, backup, current).ConfigureAwait(false));
        }

        var why = seed == current
            ? $"taken {backup.CreatedAt:u}, after {source}'s credential was set ({current.CreatedAt:u})"
            : $"taken {backup.CreatedAt:u}, before {source}'s current credential was set ({current.CreatedAt:u}): the seed is version {seed.VersionId} (AWSPREVIOUS), current when the backup was taken";
        run.Record(EventKinds.Check, $"{target}'s cluster {targetId} restored from backup {backupId} of {source}'s cluster, {why}", new Dictionary<string, string> { ["backup"] = backupId, ["seedVersion"] = seed.VersionId });
        return (StepResult.Continue, observed with { Tokens = observed.Tokens with { SourceVersionId = seed.VersionId } });
    }

    /// <summary>
    /// The version current at the backup's time: AWSCURRENT if it was created before the backup, else AWSPREVIOUS if
    /// that was. Older versions carry no label, and Secrets Manager may delete those, so they are not relied on.
    /// </summary>
    private static SecretVersionInfo? SeedVersion(IReadOnlyList<SecretVersionInfo> versions, SecretVersionInfo current, BackupInfo backup)
    {
        if (backup.CreatedAt >= current.CreatedAt)
        {
            return current;
        }

        var previous = versions.FirstOrDefault(v => v.Has(SecretStages.Previous));
        return previous is not null && backup.CreatedAt >= previous.CreatedAt ? previous : null;
    }

    private static async Task<string> StaleBackupAsync(RotationRun run, StackObservation observed, BackupInfo backup, SecretVersionInfo current)
    {
        var (source, target) = (run.Source.Key(), run.Target.Key());
        var backups = await run.Ports.Clusters.DescribeBackupsAsync(observed.Source.ClusterId, run.CancellationToken).ConfigureAwait(false);
        var newer = backups.Where(b => b.IsReady && b.CreatedAt > current.CreatedAt).OrderByDescending(b => b.CreatedAt).FirstOrDefault();
        var newest = backups.Where(b => b.IsReady).Select(b => b.CreatedAt).DefaultIfEmpty(current.CreatedAt).Max();
        var due = (newest > current.CreatedAt ? newest : current.CreatedAt) + BackupInterval;
        var fix = newer is not null
            ? $"Fix: {Restore(run, observed, newer.BackupId)} Backup {newer.BackupId} was taken {newer.CreatedAt:u}, after the change."
            : $"Fix: wait for the next backup of {source}'s cluster (CloudHSM takes one at least every {BackupInterval.TotalHours:0} hours, expect one by {due:u}; none on request, but adding an HSM to the cluster makes one), then {Restore(run, observed, "<its backup id>")}";
        return $"{target}'s cluster {observed.Target.ClusterId} was restored from backup {backup.BackupId}, taken {backup.CreatedAt:u}, before {source}'s password was last set ({current.CreatedAt:u}), and no version of {source}'s secret current at that time is left: {target}'s {run.Plan.TargetSlot.CryptoUser} has a password this run cannot know, and a login with a guess spends one of its attempts. {fix}";
    }

    private static (StepResult, Observation) Stop(Observation observed, string message) => (StepResult.BadInput(message), observed);

    private static string Restore(RotationRun run, StackObservation observed, string backupId)
    {
        var (target, stack) = (run.Target.Key(), run.Stack);
        return $"retire {target} ('hsm-rotate retire {target} --stack {stack}'), then restore it from a backup of {run.Source.Key()}'s cluster {observed.Source.ClusterId} taken after its last password change: pulumi config set --stack {stack} --path 'slots.{target}.sourceBackupId' {backupId} (and its cryptoUser), then pulumi up.";
    }
}
