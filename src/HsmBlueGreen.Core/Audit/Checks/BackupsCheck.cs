using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>Each slot's cluster has a READY backup younger than the limit: the green slot is restored from one.</summary>
public sealed class BackupsCheck() : AuditCheck(
    "backups",
    "backups present and recent",
    "check the cluster is ACTIVE with at least one HSM (CloudHSM backs it up at least every 24 hours) and look in CloudTrail for DeleteBackup calls.")
{
    public override async Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var parts = new List<(AuditOutcome, string)>();
        foreach (var (color, slot) in session.Slots)
        {
            var backups = await session.Ports.Clusters.DescribeBackupsAsync(slot.ClusterId, cancellationToken).ConfigureAwait(false);
            var newest = backups.Where(b => string.Equals(b.State, "READY", StringComparison.OrdinalIgnoreCase)).MaxBy(b => b.CreatedAt);
            if (newest is null)
            {
                parts.Add((AuditOutcome.Fail, $"{color.Key()}: {slot.ClusterId} has no READY backup ({backups.Count} in other states)"));
                continue;
            }

            var age = session.Now - newest.CreatedAt;
            var evidence = $"{color.Key()}: newest READY backup {newest.BackupId} is {AuditText.Age(age)} old";
            parts.Add(age <= session.Limits.BackupMaxAge ? (AuditOutcome.Pass, evidence) : (AuditOutcome.Fail, $"{evidence}, limit {AuditText.Age(session.Limits.BackupMaxAge)}"));
        }

        return Combine(parts);
    }
}
