using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// The load balancer's group and each slot's client group, with rules as separate resources so a slot's
/// rules go when the slot goes. The HSM ports open on the cluster's own group to the slot's clients only.
/// </summary>
internal static class SecurityGroupDeclarations
{
    public const int HsmPortFirst = 2223;
    public const int HsmPortLast = 2225;
    private const int Https = 443;
    private const string AnyIpv4 = "0.0.0.0/0";

    public static Resource AddLoadBalancerGroup(DeclaredResources declarations, StackSettings settings)
    {
        var group = declarations.Add(
            "alb-sg",
            new SecurityGroup(settings.VpcId, "hsm-blue-green load balancer") { Tags = Tags.For(settings, null, "alb-sg") });
        declarations.Add(
            "alb-listener-in",
            new SecurityGroupIngressRule(group.Output("id"), "tcp", settings.Listener.Port, settings.Listener.Port, "listener port") { CidrIpv4 = AnyIpv4 });
        return group;
    }

    public static SlotNetwork AddSlot(
        DeclaredResources declarations, StackSettings settings, SlotSettings slot, ClusterResources cluster, Resource albGroup)
    {
        var names = new SlotNames(slot.Color);
        var clients = declarations.Add(
            names.ClientGroup,
            new SecurityGroup(settings.VpcId, $"hsm-blue-green {slot.Color.ToString().ToLowerInvariant()} clients and admin host") { Tags = Tags.For(settings, slot.Color, names.ClientGroup) });
        var clientGroupId = clients.Output("id");

        var hsmIngress = declarations.Add(
            names.HsmIngress,
            new SecurityGroupIngressRule(cluster.SecurityGroupId, "tcp", HsmPortFirst, HsmPortLast, "CloudHSM from this slot's clients only") { ReferencedSecurityGroupId = clientGroupId });
        declarations.Add(
            names.ClientToHsm,
            new SecurityGroupEgressRule(clientGroupId, "tcp", HsmPortFirst, HsmPortLast, "to this slot's HSMs") { ReferencedSecurityGroupId = cluster.SecurityGroupId });
        declarations.Add(
            names.ClientHttps,
            new SecurityGroupEgressRule(clientGroupId, "tcp", Https, Https, "SSM, Secrets Manager and package downloads") { CidrIpv4 = AnyIpv4 });
        declarations.Add(
            names.AppFromAlb,
            new SecurityGroupIngressRule(clientGroupId, "tcp", settings.Listener.AppPort, settings.Listener.AppPort, "application port from the load balancer") { ReferencedSecurityGroupId = albGroup.Output("id") });
        declarations.Add(
            names.AlbToApp,
            new SecurityGroupEgressRule(albGroup.Output("id"), "tcp", settings.Listener.AppPort, settings.Listener.AppPort, "to this slot's application") { ReferencedSecurityGroupId = clientGroupId });
        declarations.Add(
            names.ClientToAlb,
            new SecurityGroupEgressRule(clientGroupId, "tcp", settings.Listener.Port, settings.Listener.Port, "to the load balancer's test route (smoke check)") { ReferencedSecurityGroupId = albGroup.Output("id") });
        return new SlotNetwork(clients, hsmIngress);
    }
}

/// <summary>A slot's client group, and the rule that opens its cluster to that group (hosts wait for the rule).</summary>
internal sealed record SlotNetwork(Resource ClientGroup, Resource HsmIngress);
