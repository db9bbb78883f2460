using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>No HSM subnet has a route to an internet gateway (a subnet without its own table uses the VPC's main table).</summary>
public sealed class PrivateSubnetsCheck() : AuditCheck(
    "private-subnets",
    "HSM subnets are private (no route to an internet gateway)",
    "move the HSMs to private subnets, or associate those subnets with a route table that has no igw- route (aws ec2 replace-route-table-association).")
{
    public override async Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var (subnetIds, subnets) = await session.HsmSubnetDetailsAsync(cancellationToken).ConfigureAwait(false);
        var parts = new List<(AuditOutcome, string)>();
        foreach (var vpc in subnets.GroupBy(s => s.VpcId, StringComparer.Ordinal))
        {
            var tables = await session.Ports.Inventory.DescribeRouteTablesAsync(vpc.Key, cancellationToken).ConfigureAwait(false);
            parts.AddRange(vpc.Select(subnet => Judge(subnet, tables)));
        }

        parts.AddRange(subnetIds.Where(id => subnets.All(s => s.SubnetId != id)).Select(id => (AuditOutcome.CannotTell, $"subnet {id} was not found")));
        return Combine(parts);
    }

    private static (AuditOutcome, string) Judge(SubnetInfo subnet, IReadOnlyList<RouteTableInfo> tables)
    {
        var table = tables.FirstOrDefault(t => t.SubnetIds.Contains(subnet.SubnetId)) ?? tables.FirstOrDefault(t => t.Main);
        if (table is null)
        {
            return (AuditOutcome.CannotTell, $"{subnet.SubnetId}: no route table found in {subnet.VpcId}");
        }

        var internet = table.Routes.Where(r => r.Target.StartsWith("igw-", StringComparison.Ordinal)).ToList();
        return internet.Count == 0
            ? (AuditOutcome.Pass, $"{subnet.SubnetId}: {table.RouteTableId} has no internet gateway route")
            : (AuditOutcome.Fail, $"{subnet.SubnetId}: {table.RouteTableId} routes {string.Join(", ", internet.Select(r => $"{r.Destination} to {r.Target}"))}");
    }
}
