using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>The slot's cluster and HSMs, and the network that opens them to the slot's clients only.</summary>
public sealed class ClusterDeclarationTests
{
    private static StackProgram Prod => Programs.ShippedProgram("prod");

    private static StackProgram Dev => Programs.ShippedProgram("dev");

    [Fact]
    public void ExistingClusterIsOnlyReadWithGet()
    {
        var lookup = Prod.Body<Lookup>("blue-cluster");

        Assert.Equal((CloudHsmCluster.Token, "cluster-k3mzq5vw7ytb"), (lookup.Type, lookup.Id));
    }

    [Fact]
    public void RestoredClusterComesFromItsBackupWithLongTimeouts()
    {
        var cluster = Prod.Find("green-cluster")!;

        Assert.Equal("backup-p2ajr6st4xuc", Assert.IsType<CloudHsmCluster>(cluster.Body).SourceBackupIdentifier);
        Assert.Equal(new CustomTimeouts("120m", "120m", "120m"), cluster.Options.CustomTimeouts);
    }

    [Fact]
    public void RestoredClusterIsProtectedInProductionOnly()
    {
        Assert.True(Prod.Find("green-cluster")!.Options.Protect);
        Assert.False(Dev.Find("green-cluster")!.Options.Protect);
    }

    [Fact]
    public void FirstHsmIsCreatedBeforeTheOthers()
    {
        Assert.Empty(Prod.Find("green-hsm-eu-west-1a")!.Options.DependsOn);
        Assert.Equal(["${green-hsm-eu-west-1a}"], Prod.Find("green-hsm-eu-west-1b")!.Options.DependsOn);
        Assert.Equal(["${green-hsm-eu-west-1a}"], Prod.Find("green-hsm-eu-west-1c")!.Options.DependsOn);
    }

    [Fact]
    public void EachSlotGetsOneHsmPerConfiguredZone()
    {
        var hsms = Prod.All<CloudHsmHsm>().Where(h => h.Body.ClusterId == "${green-cluster.clusterId}").Select(h => h.Body.SubnetId);

        Assert.Equal(Programs.Shipped("prod").HsmSubnets.SubnetIds, hsms);
    }

    [Fact]
    public void ClusterSecurityGroupAdmitsHsmPortsFromTheSlotsClientGroupOnly()
    {
        var rule = Prod.Body<SecurityGroupIngressRule>("green-hsm-from-clients");

        Assert.Equal(("${green-cluster.securityGroupId}", "tcp", 2223, 2225), (rule.SecurityGroupId, rule.IpProtocol, rule.FromPort, rule.ToPort));
        Assert.Equal("${green-client-sg.id}", rule.ReferencedSecurityGroupId);
        Assert.Null(rule.CidrIpv4);
    }

    [Fact]
    public void NoBackupOrSecretValueIsEverDeclared()
    {
        Assert.DoesNotContain(Prod.Resources, r => r.Type.Contains("Backup", StringComparison.OrdinalIgnoreCase) || r.Type == "aws:secretsmanager:SecretVersion");
        Assert.Equal(2, Prod.All<SecretsManagerSecret>().Count());
    }

    [Fact]
    public void EverySlotResourceCarriesItsSlotPrefix()
    {
        var slotNames = Prod.Resources.Select(r => r.Name).Where(n => n.StartsWith("blue-", StringComparison.Ordinal) || n.StartsWith("green-", StringComparison.Ordinal));
        var slotTyped = Prod.Resources.Where(r => r.Type is CloudHsmCluster.Token or CloudHsmHsm.Token or TargetGroup.Token or AutoScalingGroup.Token or SecretsManagerSecret.Token or Ec2Instance.Token);

        Assert.All(slotTyped, r => Assert.Contains(r.Name, slotNames));
        Assert.All(Prod.Resources.Where(r => r.Name.Contains("blue", StringComparison.Ordinal)), r => Assert.StartsWith("blue-", r.Name, StringComparison.Ordinal));
    }

    [Fact]
    public void RetiredSlotLeavesNothingOfItsOwnBehind()
    {
        var yaml = StackYaml.Replace("    green:\n      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu\n      clientCount: 0\n", string.Empty)
            .Replace("    green: 0", string.Empty, StringComparison.Ordinal);
        var settings = Programs.Settings(yaml);
        var program = ProgramBuilder.Build(settings);

        Assert.DoesNotContain(program.Resources, r => r.Name.StartsWith("green-", StringComparison.Ordinal));
        Assert.DoesNotContain(program.Outputs, o => o.Key.StartsWith("green", StringComparison.Ordinal));
        Assert.Empty(StackPolicy.Check(program, new PolicyContext(settings, [])));
    }
}
