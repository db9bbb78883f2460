using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>
/// HSM ports (TCP 2223-2225) are never open to the internet, and a cluster's own group admits them only from
/// the client group of the same slot (a shared cluster: each slot's rule from that slot's group): anyone who reaches an HSM can zeroize it without logging in.
/// </summary>
internal sealed class HsmPortRule : IPolicyRule
{
    public const string ClosedToInternet = "hsm-ports-closed-to-internet";
    public const string OwnClientsOnly = "hsm-ports-from-own-clients-only";
    private const int First = SecurityGroupDeclarations.HsmPortFirst;
    private const int Last = SecurityGroupDeclarations.HsmPortLast;

    public IEnumerable<PolicyViolation> Check(StackProgram program, PolicyContext context)
    {
        foreach (var (resource, rule) in program.All<SecurityGroupIngressRule>())
        {
            if (rule.Covers(First, Last) && (IsOpen(rule.CidrIpv4) || IsOpen(rule.CidrIpv6)))
            {
                yield return new(ClosedToInternet, resource.Name, $"admits {rule.CidrIpv4 ?? rule.CidrIpv6} to ports {rule.FromPort}-{rule.ToPort}", "remove the CIDR; admit the slot's client group with referencedSecurityGroupId");
            }

            var cluster = SlotOf.Referenced(rule.SecurityGroupId, "securityGroupId");
            if (cluster is null || program.Find(cluster)?.Type != CloudHsmCluster.Token)
            {
                continue;
            }

            // A cluster both slots share (dual-user) admits each slot's clients through that slot's own rule.
            var slot = cluster == ClusterDeclarations.SharedCluster ? SlotOf.Name(resource.Name) : SlotOf.Name(cluster);
            var expectedSource = slot is null ? null : new SlotNames(slot.Value).ClientGroup;
            if (expectedSource is null || rule.CidrIpv4 is not null || rule.CidrIpv6 is not null || SlotOf.Referenced(rule.ReferencedSecurityGroupId, "id") != expectedSource)
            {
                yield return new(OwnClientsOnly, resource.Name, $"opens {cluster}'s security group to {rule.CidrIpv4 ?? rule.CidrIpv6 ?? rule.ReferencedSecurityGroupId ?? "nothing named"}", expectedSource is null
                    ? "name the cluster with its slot's prefix and admit only that slot's client group"
                    : $"admit only ${{{expectedSource}.id}} on TCP {First}-{Last}");
            }
        }

        foreach (var (resource, group) in program.All<SecurityGroup>())
        {
            foreach (var rule in group.Ingress ?? [])
            {
                var open = (rule.CidrBlocks ?? []).Concat(rule.Ipv6CidrBlocks ?? []).FirstOrDefault(IsOpen);
                if (rule.Covers(First, Last) && open is not null)
                {
                    yield return new(ClosedToInternet, resource.Name, $"has an inline rule admitting {open} to ports {rule.FromPort}-{rule.ToPort}", "remove the inline rule; declare rules as separate resources from a security group");
                }
            }
        }
    }

    private static bool IsOpen(string? cidr) => cidr is "0.0.0.0/0" or "::/0";
}
