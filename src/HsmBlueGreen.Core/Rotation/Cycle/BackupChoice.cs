using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Steps;

namespace HsmBlueGreen.Core.Rotation.Cycle;

/// <summary>A backup fit to restore the next slot from, or why there is none yet (the outcome says who can act).</summary>
public sealed record BackupVerdict(BackupInfo? Backup, RotationOutcome Outcome, string Message);

/// <summary>
/// Which backup of the serving cluster can seed the next slot. A backup holds the users' passwords of its time, so
/// only one taken after the serving credential was last set (its secret's AWSCURRENT was created) gives the new
/// cluster the password the secret holds. CloudHSM takes one at least every 24 hours and never on request, so when
/// none qualifies yet the answer is when the next is due (manage-backups.html).
/// </summary>
public static class BackupChoice
{
    public static async Task<BackupVerdict> ChooseAsync(RotationPorts ports, string servingSlot, string clusterId, DateTimeOffset credentialSetAt, string? requested, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ports);
        if (requested is not null)
        {
            var named = await ports.Clusters.DescribeBackupAsync(requested, cancellationToken).ConfigureAwait(false);
            var problem = named is null ? $"backup {requested} does not exist (aws cloudhsmv2 describe-backups --filters backupIds={requested})."
                : named.ClusterId != clusterId ? $"backup {requested} is of cluster {named.ClusterId}, not of {servingSlot}'s cluster {clusterId}: its users have that cluster's passwords."
                : !named.IsReady ? $"backup {requested} is {named.State}, not READY."
                : named.CreatedAt <= credentialSetAt ? $"backup {requested} was taken {named.CreatedAt:u}, before {servingSlot}'s credential was last set ({credentialSetAt:u}): a cluster restored from it would have the old password."
                : null;
            return problem is null
                ? new BackupVerdict(named, RotationOutcome.Done, $"backup {requested} (--backup-id) of {servingSlot}'s cluster, taken {named!.CreatedAt:u}, after its credential was set ({credentialSetAt:u})")
                : new BackupVerdict(null, RotationOutcome.BadInput, problem + " Nothing was changed.");
        }

        var backups = await ports.Clusters.DescribeBackupsAsync(clusterId, cancellationToken).ConfigureAwait(false);
        var chosen = Newest(backups, credentialSetAt);
        return chosen is not null
            ? new BackupVerdict(chosen, RotationOutcome.Done, $"backup {chosen.BackupId}, the newest READY backup of {servingSlot}'s cluster {clusterId}, taken {chosen.CreatedAt:u}, after its credential was set ({credentialSetAt:u})")
            : new BackupVerdict(null, RotationOutcome.NeedsOperator, $"no READY backup of {servingSlot}'s cluster {clusterId} was taken after its credential was last set ({credentialSetAt:u}), and an older one holds the old password. CloudHSM takes one at least every {RestoredClusterCheck.BackupInterval.TotalHours:0} hours, never on request: the next is due by {NextDue(backups, credentialSetAt):u}. Nothing was changed; run again after that.");
    }

    /// <summary>The newest READY backup taken after <paramref name="after"/>, if any.</summary>
    public static BackupInfo? Newest(IReadOnlyList<BackupInfo> backups, DateTimeOffset after) =>
        backups.Where(b => b.IsReady && b.CreatedAt > after).MaxBy(b => b.CreatedAt);

    /// <summary>When the cluster's next daily backup is due: a day after its newest backup, or after the change if that is later.</summary>
    public static DateTimeOffset NextDue(IReadOnlyList<BackupInfo> backups, DateTimeOffset after)
    {
        var newest = backups.Where(b => b.IsReady).Select(b => b.CreatedAt).DefaultIfEmpty(after).Max();
        return (newest > after ? newest : after) + RestoredClusterCheck.BackupInterval;
    }

    /// <summary>
    /// When the slot's credential was last set: its secret's AWSCURRENT version's creation, or, when the run record on
    /// that secret says the password landed on the cluster later (the version is created first, as AWSPENDING), that
    /// time. Null when the secret has no AWSCURRENT.
    /// </summary>
    public static async Task<DateTimeOffset?> CredentialSetAtAsync(RotationPorts ports, string secretArn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var versions = await ports.Secrets.ListVersionsAsync(secretArn, cancellationToken).ConfigureAwait(false);
        if (versions.FirstOrDefault(v => v.Has(SecretStages.Current))?.CreatedAt is not { } created)
        {
            return null;
        }

        var landed = (await ports.RunRecords.ReadAsync(secretArn, cancellationToken).ConfigureAwait(false))?.PasswordChangedBy;
        return landed > created ? landed : created;
    }
}
