using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>Two slots on one cluster (dual-user): the cluster and its HSMs are declared once, each slot's clients admitted.</summary>
public sealed class SharedClusterTests
{
    private static readonly Model.StackProgram Program = Programs.Build(StackYaml.DualUser);

    [Fact]
    public void SharedClusterIsLookedUpOnceUnderNoSlotPrefix()
    {
        var lookups = Program.Resources.Where(r => r.Body is Model.Lookup).Select(r => r.Name);

        Assert.Equal([ClusterDeclarations.SharedCluster], lookups);
        Assert.Null(Program.Find("blue-cluster"));
        Assert.Null(Program.Find("green-cluster"));
    }

    [Fact]
    public void SharedClusterGetsOneHsmPerZoneNotOnePerSlot()
    {
        var hsms = Program.All<CloudHsmHsm>().Select(h => (h.Resource.Name, h.Body.ClusterId)).ToList();

        Assert.Equal(
            [("shared-hsm-eu-west-1a", "${shared-cluster.clusterId}"), ("shared-hsm-eu-west-1b", "${shared-cluster.clusterId}")],
            hsms);
    }

    [Fact]
    public void SharedClusterAdmitsEachSlotsClientGroupThroughItsOwnRule()
    {
        var rules = Program.All<SecurityGroupIngressRule>()
            .Where(r => r.Body.SecurityGroupId == "${shared-cluster.securityGroupId}")
            .Select(r => (r.Resource.Name, r.Body.ReferencedSecurityGroupId, r.Body.FromPort, r.Body.ToPort));

        Assert.Equal(
            [("blue-hsm-from-clients", "${blue-client-sg.id}", 2223, 2225), ("green-hsm-from-clients", "${green-client-sg.id}", 2223, 2225)],
            rules);
    }

    [Fact]
    public void BothSlotsOutputTheSharedClusterId()
    {
        var outputs = Program.Outputs.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);

        Assert.Equal("${shared-cluster.clusterId}", outputs["blueClusterId"]);
        Assert.Equal("${shared-cluster.clusterId}", outputs["greenClusterId"]);
    }

    [Fact]
    public void SharedClusterProgramBreaksNoRule()
    {
        var settings = Programs.Settings(StackYaml.DualUser);

        Assert.Empty(StackPolicy.Check(Program, new PolicyContext(settings, [])));
    }

    [Fact]
    public void SharedClusterRuleFromTheOtherSlotsClientsIsRejected()
    {
        var program = Program.With("green-hsm-from-clients", r => r with { Body = Assert.IsType<SecurityGroupIngressRule>(r.Body) with { ReferencedSecurityGroupId = "${blue-client-sg.id}" } });

        var violations = StackPolicy.Check(program, new PolicyContext(Programs.Settings(StackYaml.DualUser), []));

        Assert.Contains(violations, v => v is { Rule: HsmPortRule.OwnClientsOnly, Resource: "green-hsm-from-clients" });
    }
}
