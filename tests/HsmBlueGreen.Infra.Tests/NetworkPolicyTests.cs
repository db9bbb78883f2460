using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>The network rules of the security checklist, each shown failing on a program changed in one place.</summary>
public sealed class NetworkPolicyTests
{
    [Theory]
    [InlineData("test")]
    [InlineData("dev")]
    [InlineData("prod")]
    public void BuiltProgramsBreakNoRule(string stack)
    {
        var settings = stack == "test" ? PolicyCheck.Context.Settings : Programs.Shipped(stack);

        Assert.Empty(StackPolicy.Check(ProgramBuilder.Build(settings), new PolicyContext(settings, [])));
    }

    [Fact]
    public void DiscoveryProgramBreaksNoRule()
    {
        var settings = DiscoverySettings.Create();

        Assert.Empty(StackPolicy.Check(ProgramBuilder.Build(settings), new PolicyContext(settings, [])));
    }

    [Fact]
    public void HsmPortsOpenToTheInternetAreRejected()
    {
        var program = PolicyCheck.Change<SecurityGroupIngressRule>("green-hsm-from-clients", r => r with { ReferencedSecurityGroupId = null, CidrIpv4 = "0.0.0.0/0" });

        var violations = PolicyCheck.Run(program);

        Assert.Contains(violations, v => v is { Rule: HsmPortRule.ClosedToInternet, Resource: "green-hsm-from-clients" });
        Assert.Contains(violations, v => v is { Rule: HsmPortRule.OwnClientsOnly, Resource: "green-hsm-from-clients" });
    }

    [Fact]
    public void AllPortsOpenToIpv6InternetCoverHsmPorts()
    {
        var program = PolicyCheck.Change<SecurityGroupIngressRule>("alb-listener-in", r => r with { IpProtocol = "-1", CidrIpv4 = null, CidrIpv6 = "::/0" });

        Assert.Contains(PolicyCheck.Run(program), v => v is { Rule: HsmPortRule.ClosedToInternet, Resource: "alb-listener-in" });
    }

    [Fact]
    public void HsmPortsFromTheOtherSlotsClientsAreRejected()
    {
        var program = PolicyCheck.Change<SecurityGroupIngressRule>("green-hsm-from-clients", r => r with { ReferencedSecurityGroupId = "${blue-client-sg.id}" });

        var violation = Assert.Single(PolicyCheck.Run(program));
        Assert.Equal((HsmPortRule.OwnClientsOnly, "green-hsm-from-clients"), (violation.Rule, violation.Resource));
        Assert.Contains("${green-client-sg.id}", violation.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineIngressOpenToTheInternetIsRejected()
    {
        var program = PolicyCheck.Change<SecurityGroup>("blue-client-sg", g => g with { Ingress = [new SecurityGroupInlineRule("tcp", 0, 65535) { CidrBlocks = ["0.0.0.0/0"] }] });

        Assert.Contains(PolicyCheck.Run(program), v => v is { Rule: HsmPortRule.ClosedToInternet, Resource: "blue-client-sg" });
    }

    [Fact]
    public void ClusterWithHsmsInOneZoneBreaksMultiAz()
    {
        var program = PolicyCheck.Valid with { Resources = [.. PolicyCheck.Valid.Resources.Where(r => r.Name != "blue-hsm-eu-west-1b")] };

        var violation = Assert.Single(PolicyCheck.Run(program));
        Assert.Equal((MultiAzRule.Name, "blue-cluster"), (violation.Rule, violation.Resource));
    }

    [Fact]
    public void AppGroupInOneZoneBreaksMultiAz()
    {
        var program = PolicyCheck.Change<AutoScalingGroup>("green-app", g => g with { VpcZoneIdentifiers = ["subnet-0c2d4e6f8a0b1c3d5"] });

        var violation = Assert.Single(PolicyCheck.Run(program));
        Assert.Equal((MultiAzRule.Name, "green-app"), (violation.Rule, violation.Resource));
    }

    [Fact]
    public void OneZoneIsAcceptedWhereMultiAzIsNotRequired()
    {
        var settings = Programs.Shipped("dev");

        Assert.False(settings.RequireMultiAz);
        Assert.Empty(StackPolicy.Check(ProgramBuilder.Build(settings), new PolicyContext(settings, [])));
    }
}
