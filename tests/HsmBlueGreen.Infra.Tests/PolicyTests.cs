using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Infra.Build;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>Each rule of the security checklist, shown failing on a program changed in exactly one place.</summary>
public sealed class PolicyTests
{
    private static readonly PolicyContext Context = new(Programs.Settings(StackYaml.Valid), []);
    private static readonly StackProgram Valid = Programs.Build(StackYaml.Valid);

    private static IReadOnlyList<PolicyViolation> Check(StackProgram program, PolicyContext? context = null) => StackPolicy.Check(program, context ?? Context);

    private static StackProgram Change<T>(string name, Func<T, T> change)
        where T : ResourceBody =>
        Valid.With(name, r => r with { Body = change(Assert.IsType<T>(r.Body)) });

    [Theory]
    [InlineData("test")]
    [InlineData("dev")]
    [InlineData("prod")]
    public void BuiltProgramsBreakNoRule(string stack)
    {
        var settings = stack == "test" ? Context.Settings : Programs.Shipped(stack);

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
        var program = Change<SecurityGroupIngressRule>("green-hsm-from-clients", r => r with { ReferencedSecurityGroupId = null, CidrIpv4 = "0.0.0.0/0" });

        var violations = Check(program);

        Assert.Contains(violations, v => v is { Rule: HsmPortRule.ClosedToInternet, Resource: "green-hsm-from-clients" });
        Assert.Contains(violations, v => v is { Rule: HsmPortRule.OwnClientsOnly, Resource: "green-hsm-from-clients" });
    }

    [Fact]
    public void AllPortsOpenToIpv6InternetCoverHsmPorts()
    {
        var program = Change<SecurityGroupIngressRule>("alb-listener-in", r => r with { IpProtocol = "-1", CidrIpv4 = null, CidrIpv6 = "::/0" });

        Assert.Contains(Check(program), v => v is { Rule: HsmPortRule.ClosedToInternet, Resource: "alb-listener-in" });
    }

    [Fact]
    public void HsmPortsFromTheOtherSlotsClientsAreRejected()
    {
        var program = Change<SecurityGroupIngressRule>("green-hsm-from-clients", r => r with { ReferencedSecurityGroupId = "${blue-client-sg.id}" });

        var violation = Assert.Single(Check(program));
        Assert.Equal((HsmPortRule.OwnClientsOnly, "green-hsm-from-clients"), (violation.Rule, violation.Resource));
        Assert.Contains("${green-client-sg.id}", violation.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public void InlineIngressOpenToTheInternetIsRejected()
    {
        var program = Change<SecurityGroup>("blue-client-sg", g => g with { Ingress = [new SecurityGroupInlineRule("tcp", 0, 65535) { CidrBlocks = ["0.0.0.0/0"] }] });

        Assert.Contains(Check(program), v => v is { Rule: HsmPortRule.ClosedToInternet, Resource: "blue-client-sg" });
    }

    [Fact]
    public void ClusterWithHsmsInOneZoneBreaksMultiAz()
    {
        var program = Valid with { Resources = [.. Valid.Resources.Where(r => r.Name != "blue-hsm-eu-west-1b")] };

        var violation = Assert.Single(Check(program));
        Assert.Equal((MultiAzRule.Name, "blue-cluster"), (violation.Rule, violation.Resource));
    }

    [Fact]
    public void AppGroupInOneZoneBreaksMultiAz()
    {
        var program = Change<AutoScalingGroup>("green-app", g => g with { VpcZoneIdentifiers = ["subnet-0c2d4e6f8a0b1c3d5"] });

        var violation = Assert.Single(Check(program));
        Assert.Equal((MultiAzRule.Name, "green-app"), (violation.Rule, violation.Resource));
    }

    [Fact]
    public void OneZoneIsAcceptedWhereMultiAzIsNotRequired()
    {
        var settings = Programs.Shipped("dev");

        Assert.False(settings.RequireMultiAz);
        Assert.Empty(StackPolicy.Check(ProgramBuilder.Build(settings), new PolicyContext(settings, [])));
    }

    [Fact]
    public void AdminHostWithPublicIpIsRejected()
    {
        var program = Change<Ec2Instance>("blue-admin", i => i with { AssociatePublicIpAddress = true });

        Assert.Equal(InstanceHardeningRule.NoPublicIp, Assert.Single(Check(program)).Rule);
    }

    [Fact]
    public void LaunchTemplateWithPublicIpIsRejected()
    {
        var program = Change<LaunchTemplate>("green-launch-template", t => t with { NetworkInterfaces = [t.NetworkInterfaces![0] with { AssociatePublicIpAddress = "true" }] });

        Assert.Equal((InstanceHardeningRule.NoPublicIp, "green-launch-template"), (Assert.Single(Check(program)).Rule, Assert.Single(Check(program)).Resource));
    }

    [Fact]
    public void LaunchTemplateWithoutImdsv2IsRejected()
    {
        var program = Change<LaunchTemplate>("blue-launch-template", t => t with { MetadataOptions = t.MetadataOptions! with { HttpTokens = "optional" } });

        Assert.Equal(InstanceHardeningRule.Imdsv2, Assert.Single(Check(program)).Rule);
    }

    [Fact]
    public void AdminHostWithoutMetadataOptionsIsRejected()
    {
        var program = Change<Ec2Instance>("green-admin", i => i with { MetadataOptions = null });

        Assert.Equal(InstanceHardeningRule.Imdsv2, Assert.Single(Check(program)).Rule);
    }

    [Fact]
    public void ZeroWeightTargetGroupInTheListenerIsRejected()
    {
        var program = Change<Listener>("listener", l => l with
        {
            DefaultActions = [new ListenerDefaultAction("forward") { Forward = new ListenerForward([new("${blue-tg.arn}", 100), new("${green-tg.arn}", 0)]) }],
        });

        Assert.Equal(ListenerWeightRule.Name, Assert.Single(Check(program)).Rule);
    }

    [Fact]
    public void ListenerWeightsThatDifferFromTrafficAreRejected()
    {
        var program = Change<Listener>("listener", l => l with
        {
            DefaultActions = [new ListenerDefaultAction("forward") { Forward = new ListenerForward([new("${blue-tg.arn}", 90), new("${green-tg.arn}", 10)]) }],
        });

        var violation = Assert.Single(Check(program));
        Assert.Contains("forwards [blue 90, green 10] but traffic is blue 100% / green 0%", violation.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretPlaintextInTheProgramIsRejectedWithoutShowingIt()
    {
        const string plaintext = "arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6";
        var context = Context with { SecretValues = [new Sensitive(plaintext)] };

        var violation = Assert.Single(Check(Valid, context));

        Assert.Equal((SecretValueRule.Name, "listener"), (violation.Rule, violation.Resource));
        Assert.DoesNotContain(plaintext, violation.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretPlaceholderUsedAsTextIsRejected()
    {
        var program = Change<Listener>("listener", l => l with { CertificateArn = "[secret]" });

        Assert.Equal(SecretValueRule.Name, Assert.Single(Check(program)).Rule);
    }

    [Fact]
    public void SecretReferencedButNotDeclaredSecretIsRejected()
    {
        var yaml = StackYaml.Replace("hsm-blue-green:certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6", "hsm-blue-green:certificateArn:\n    secure: v1:bm9uY2U=:Y2lwaGVy");
        var settings = Programs.Settings(yaml);
        var program = ProgramBuilder.Build(settings) with { SecretConfigKeys = [] };

        var violation = Assert.Single(StackPolicy.Check(program, new PolicyContext(settings, [])));
        Assert.Equal((SecretValueRule.Name, "certificateArn"), (violation.Rule, violation.Resource));
    }

    [Fact]
    public void UnpinnedProviderVersionIsRejected()
    {
        var program = Valid.With("alerts-topic", r => r with { Options = r.Options with { Version = "7.0.0" } });

        Assert.Equal((LifecycleRule.ProviderPinned, "alerts-topic"), (Assert.Single(Check(program)).Rule, Assert.Single(Check(program)).Resource));
    }

    [Fact]
    public void ShortHsmTimeoutsAreRejected()
    {
        var program = Valid.With("green-hsm-eu-west-1b", r => r with { Options = r.Options with { CustomTimeouts = new CustomTimeouts("30m", null, "30m") } });

        Assert.Equal(LifecycleRule.HsmTimeouts, Assert.Single(Check(program)).Rule);
    }

    [Fact]
    public void UnprotectedProductionClusterIsRejected()
    {
        var settings = Programs.Shipped("prod");
        var program = ProgramBuilder.Build(settings).With("green-cluster", r => r with { Options = r.Options with { Protect = false } });

        Assert.Equal(LifecycleRule.ProtectedInProduction, Assert.Single(StackPolicy.Check(program, new PolicyContext(settings, []))).Rule);
    }

    [Fact]
    public void EveryViolationIsReportedNotJustTheFirst()
    {
        var program = Change<Ec2Instance>("blue-admin", i => i with { AssociatePublicIpAddress = true, MetadataOptions = null });

        Assert.Equal(2, Check(program).Count);
    }
}
