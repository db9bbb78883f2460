using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>Each slot's cluster keeps HSMs in at least two availability zones, so one zone's outage leaves it serving.</summary>
public sealed class HsmZonesCheck() : AuditCheck(
    "hsm-availability-zones",
    "HSMs spread over at least two availability zones",
    "add an HSM in a second availability zone: list a subnet per zone under hsmSubnets and run pulumi up (prod requires two zones).")
{
    public override async Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var parts = new List<(AuditOutcome, string)>();
        foreach (var (color, slot) in session.Slots)
        {
            var cluster = await session.ClusterAsync(slot, cancellationToken).ConfigureAwait(false);
            if (cluster is null)
            {
                parts.Add((AuditOutcome.CannotTell, $"{color.Key()}: cluster {slot.ClusterId} was not found"));
                continue;
            }

            var zones = cluster.Hsms.Where(h => h.State is not (HsmState.Deleted or HsmState.DeleteInProgress))
                .Select(h => h.AvailabilityZone).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var evidence = $"{color.Key()}: {cluster.ClusterId} has HSMs in {(zones.Count == 0 ? "no zone" : string.Join(", ", zones))}";
            parts.Add((zones.Count >= 2 ? AuditOutcome.Pass : AuditOutcome.Fail, evidence));
        }

        return Combine(parts);
    }
}
