using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// Every input of a cloudhsmv2 Cluster the program sets but tags, and every input of an Hsm, is ForceNew in the
/// provider (terraform-provider-aws cloudhsmv2 cluster.go, hsm.go): a later edit of the stack-wide hsmType or
/// hsmSubnets would replace a live slot's cluster or HSM. Pulumi's ignoreChanges keeps the value in state for an
/// existing resource and uses the program's value only when it creates one, so an edit reaches new slots only.
/// </summary>
public sealed class FrozenSlotInputsTests
{
    private static StackProgram Prod => Programs.ShippedProgram("prod");

    [Fact]
    public void RestoredClusterKeepsTheTypeSubnetsAndBackupItWasCreatedWith()
    {
        Assert.Equal(["hsmType", "subnetIds", "sourceBackupIdentifier"], Prod.Find("green-cluster")!.Options.IgnoreChanges);
    }

    [Fact]
    public void EveryHsmKeepsTheSubnetItWasCreatedIn()
    {
        var hsms = Prod.All<CloudHsmHsm>().Select(h => h.Resource).ToList();

        Assert.NotEmpty(hsms);
        Assert.All(hsms, h => Assert.Equal(["subnetId"], h.Options.IgnoreChanges));
    }

    [Fact]
    public void AnHsmStillFollowsItsClusterWhenTheClusterIsReplaced()
    {
        Assert.All(Prod.All<CloudHsmHsm>(), h => Assert.DoesNotContain("clusterId", h.Resource.Options.IgnoreChanges));
    }

    [Fact]
    public void EveryIgnoredPropertyIsAnInputOfItsResourceType()
    {
        var program = CompilerProcess.ParseProgram(ProgramEmitter.Emit(Prod));

        Assert.Empty(AwsSchema.Load().Check(program));
        Assert.Contains("ignoreChanges", program["resources"]!["green-cluster"]!["options"]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public void IgnoreChangesIsPrintedAsAListUnderOptions()
    {
        var cluster = new Resource(
            "c",
            new CloudHsmCluster("hsm2m.medium", ["subnet-0a1b2c3d4e5f60718"]),
            new ResourceOptions(AwsProvider.Version) { IgnoreChanges = ["hsmType", "subnetIds"] });

        Assert.Contains(
            "    options:\n      version: 7.48.0\n      ignoreChanges:\n      - hsmType\n      - subnetIds\n",
            ProgramEmitter.Emit(new StackProgram("p", "d", [], [cluster], [])),
            StringComparison.Ordinal);
    }

    [Fact]
    public void AClusterWhoseReplacingInputsAreNotFrozenIsRejected()
    {
        var program = PolicyCheck.Valid.With("green-cluster", r => r with { Options = r.Options with { IgnoreChanges = ["hsmType"] } });

        var violation = Assert.Single(PolicyCheck.Run(program));
        Assert.Equal((LifecycleRule.FrozenInputs, "green-cluster"), (violation.Rule, violation.Resource));
        Assert.Contains("subnetIds, sourceBackupIdentifier", violation.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AnHsmWhoseSubnetIsNotFrozenIsRejected()
    {
        var hsm = PolicyCheck.Valid.All<CloudHsmHsm>().First().Resource.Name;
        var program = PolicyCheck.Valid.With(hsm, r => r with { Options = r.Options with { IgnoreChanges = [] } });

        Assert.Equal((LifecycleRule.FrozenInputs, hsm), (Assert.Single(PolicyCheck.Run(program)).Rule, Assert.Single(PolicyCheck.Run(program)).Resource));
    }
}
