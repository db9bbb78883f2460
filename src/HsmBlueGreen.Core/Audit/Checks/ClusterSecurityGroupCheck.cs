using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>The cluster's own security group lets TCP 2223-2225 in from security groups only, never from a CIDR.</summary>
public sealed class ClusterSecurityGroupCheck() : AuditCheck(
    "cluster-security-group",
    "cluster security group admits 2223-2225 from client groups only",
    "remove every CIDR or prefix-list rule that reaches ports 2223-2225 on the cluster security group (aws ec2 revoke-security-group-ingress) and allow TCP 2223-2225 from the slot's client security group only, as the stack declares.")
{
    public const int FirstPort = 2223;
    public const int LastPort = 2225;

    public override async Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var parts = new List<(AuditOutcome, string)>();
        foreach (var (color, slot) in session.Slots)
        {
            var cluster = await session.ClusterAsync(slot, cancellationToken).ConfigureAwait(false);
            var groupId = cluster?.SecurityGroupId ?? slot.ClusterSecurityGroupId;
            var rules = await session.Ports.Inventory.DescribeIngressAsync(groupId, cancellationToken).ConfigureAwait(false);
            if (rules is null)
            {
                parts.Add((AuditOutcome.CannotTell, $"{color.Key()}: security group {groupId} was not found"));
                continue;
            }

            var reaching = rules.Where(Reaches).ToList();
            var open = reaching.Where(r => r.Cidrs.Count > 0).SelectMany(r => r.Cidrs.Select(c => $"{c} ({Ports(r)})")).ToList();
            parts.Add(open.Count > 0
                ? (AuditOutcome.Fail, $"{color.Key()}: {groupId} admits {string.Join(", ", open)}")
                : (AuditOutcome.Pass, $"{color.Key()}: {groupId} admits 2223-2225 from {Sources(reaching)}"));
        }

        return Combine(parts);
    }

    private static bool Reaches(IngressRule rule) =>
        rule.Protocol is "-1" or "all"
        || (rule.Protocol is "tcp" or "6" && (rule.FromPort ?? 0) <= LastPort && (rule.ToPort ?? 65535) >= FirstPort);

    private static string Ports(IngressRule rule) => rule.Protocol is "-1" or "all" ? "all traffic" : $"tcp {rule.FromPort}-{rule.ToPort}";

    private static string Sources(IReadOnlyList<IngressRule> rules)
    {
        var groups = rules.SelectMany(r => r.SourceGroups).Distinct(StringComparer.Ordinal).ToList();
        return groups.Count == 0 ? "nowhere" : string.Join(", ", groups) + " only";
    }
}
