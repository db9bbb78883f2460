using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>The secret and lifecycle rules of the security checklist, each shown failing on a program changed in one place.</summary>
public sealed class SecretAndLifecyclePolicyTests
{
    [Fact]
    public void SecretPlaintextInTheProgramIsRejectedWithoutShowingIt()
    {
        const string plaintext = "arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6";
        var context = PolicyCheck.Context with { SecretValues = [new Sensitive(plaintext)] };

        var violation = Assert.Single(PolicyCheck.Run(PolicyCheck.Valid, context));

        Assert.Equal((SecretValueRule.Name, "listener"), (violation.Rule, violation.Resource));
        Assert.DoesNotContain(plaintext, violation.Format(), StringComparison.Ordinal);
    }

    [Fact]
    public void SecretPlaceholderUsedAsTextIsRejected()
    {
        var program = PolicyCheck.Change<Listener>("listener", l => l with { CertificateArn = "[secret]" });

        Assert.Equal(SecretValueRule.Name, Assert.Single(PolicyCheck.Run(program)).Rule);
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
        var program = PolicyCheck.Valid.With("alerts-topic", r => r with { Options = r.Options with { Version = "7.0.0" } });

        Assert.Equal((LifecycleRule.ProviderPinned, "alerts-topic"), (Assert.Single(PolicyCheck.Run(program)).Rule, Assert.Single(PolicyCheck.Run(program)).Resource));
    }

    [Fact]
    public void ShortHsmTimeoutsAreRejected()
    {
        var program = PolicyCheck.Valid.With("green-hsm-eu-west-1b", r => r with { Options = r.Options with { CustomTimeouts = new CustomTimeouts("30m", null, "30m") } });

        Assert.Equal(LifecycleRule.HsmTimeouts, Assert.Single(PolicyCheck.Run(program)).Rule);
    }

    [Fact]
    public void UnprotectedProductionClusterIsRejected()
    {
        var settings = Programs.Shipped("prod");
        var program = ProgramBuilder.Build(settings).With("green-cluster", r => r with { Options = r.Options with { Protect = false } });

        Assert.Equal(LifecycleRule.ProtectedInProduction, Assert.Single(StackPolicy.Check(program, new PolicyContext(settings, []))).Rule);
    }

    [Fact]
    public void RetiringProductionClusterIsUnprotectedAndTaggedSoRetireCanDeleteIt()
    {
        var shipped = Programs.Shipped("prod");
        var settings = shipped with
        {
            Traffic = new TrafficSplit(100, 0),
            Slots = new Dictionary<Color, SlotSettings>(shipped.Slots) { [Color.Green] = shipped.Slots[Color.Green] with { Retiring = true } },
        };

        var program = ProgramBuilder.Build(settings);
        var cluster = program.Find("green-cluster")!;

        Assert.False(cluster.Options.Protect);
        Assert.Equal(StackTags.Retiring, Assert.IsType<CloudHsmCluster>(cluster.Body).Tags![StackTags.SlotState]);
        Assert.Empty(StackPolicy.Check(program, new PolicyContext(settings, [])));
    }
}
