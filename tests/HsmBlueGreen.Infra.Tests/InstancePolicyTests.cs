using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>The instance and listener rules of the security checklist, each shown failing on a program changed in one place.</summary>
public sealed class InstancePolicyTests
{
    [Fact]
    public void AdminHostWithPublicIpIsRejected()
    {
        var program = PolicyCheck.Change<Ec2Instance>("blue-admin", i => i with { AssociatePublicIpAddress = true });

        Assert.Equal(InstanceHardeningRule.NoPublicIp, Assert.Single(PolicyCheck.Run(program)).Rule);
    }

    [Fact]
    public void LaunchTemplateWithPublicIpIsRejected()
    {
        var program = PolicyCheck.Change<LaunchTemplate>("green-launch-template", t => t with { NetworkInterfaces = [t.NetworkInterfaces![0] with { AssociatePublicIpAddress = "true" }] });

        Assert.Equal((InstanceHardeningRule.NoPublicIp, "green-launch-template"), (Assert.Single(PolicyCheck.Run(program)).Rule, Assert.Single(PolicyCheck.Run(program)).Resource));
    }

    [Fact]
    public void LaunchTemplateWithoutImdsv2IsRejected()
    {
        var program = PolicyCheck.Change<LaunchTemplate>("blue-launch-template", t => t with { MetadataOptions = t.MetadataOptions! with { HttpTokens = "optional" } });

        Assert.Equal(InstanceHardeningRule.Imdsv2, Assert.Single(PolicyCheck.Run(program)).Rule);
    }

    [Fact]
    public void AdminHostWithoutMetadataOptionsIsRejected()
    {
        var program = PolicyCheck.Change<Ec2Instance>("green-admin", i => i with { MetadataOptions = null });

        Assert.Equal(InstanceHardeningRule.Imdsv2, Assert.Single(PolicyCheck.Run(program)).Rule);
    }

    [Fact]
    public void ASlotLeftOutOfTheListenerIsRejected()
    {
        var program = PolicyCheck.Change<Listener>("listener", l => l with
        {
            DefaultActions = [new ListenerDefaultAction("forward") { Forward = new ListenerForward([new("${blue-tg.arn}", 100)]) }],
        });

        var violation = Assert.Single(PolicyCheck.Run(program));
        Assert.Equal((ListenerWeightRule.Name, "forwards [blue 100] but traffic is blue 100% / green 0%"), (violation.Rule, violation.Problem));
    }

    [Fact]
    public void ListenerWeightsThatDifferFromTrafficAreRejected()
    {
        var program = PolicyCheck.Change<Listener>("listener", l => l with
        {
            DefaultActions = [new ListenerDefaultAction("forward") { Forward = new ListenerForward([new("${blue-tg.arn}", 90), new("${green-tg.arn}", 10)]) }],
        });

        var violation = Assert.Single(PolicyCheck.Run(program));
        Assert.Contains("forwards [blue 90, green 10] but traffic is blue 100% / green 0%", violation.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void EveryViolationIsReportedNotJustTheFirst()
    {
        var program = PolicyCheck.Change<Ec2Instance>("blue-admin", i => i with { AssociatePublicIpAddress = true, MetadataOptions = null });

        Assert.Equal(2, PolicyCheck.Run(program).Count);
    }
}
