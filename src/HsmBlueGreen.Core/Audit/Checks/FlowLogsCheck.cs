namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>Every HSM subnet has an active flow log, on the subnet itself or on its VPC.</summary>
public sealed class FlowLogsCheck() : AuditCheck(
    "flow-logs",
    "flow logs on the HSM subnets",
    "enable VPC flow logs for the HSM subnets (the stack's flowLogRetentionDays; or aws ec2 create-flow-logs --resource-type Subnet --resource-ids <subnet> --traffic-type ALL --log-destination-type cloud-watch-logs ...).")
{
    public override async Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (subnetIds, subnets) = await session.HsmSubnetDetailsAsync(cancellationToken).ConfigureAwait(false);
        var resources = subnetIds.Concat(subnets.Select(s => s.VpcId)).Distinct(StringComparer.Ordinal).ToList();
        var active = (await session.Ports.Inventory.DescribeFlowLogsAsync(resources, cancellationToken).ConfigureAwait(false))
            .Where(f => string.Equals(f.Status, "ACTIVE", StringComparison.OrdinalIgnoreCase)).ToList();
        var parts = subnetIds.Select(id =>
        {
            var vpc = subnets.FirstOrDefault(s => s.SubnetId == id)?.VpcId;
            var log = active.FirstOrDefault(f => f.ResourceId == id) ?? active.FirstOrDefault(f => f.ResourceId == vpc);
            return log is null
                ? (AuditOutcome.Fail, $"{id}: no active flow log on the subnet or {vpc ?? "its VPC"}")
                : (AuditOutcome.Pass, $"{id}: {log.FlowLogId} on {log.ResourceId} ({log.TrafficType})");
        }).ToList();
        return Combine(parts);
    }
}
