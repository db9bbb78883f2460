using HsmBlueGreen.Aws.Http;

namespace HsmBlueGreen.Aws.Tests.Ports;

/// <summary>
/// The caller's region (AWS_REGION, AWS_DEFAULT_REGION, the profile) as the AWS SDKs look it up; the stack's
/// aws:region when the caller sets none; and a refusal when the two disagree, since the stack's resources exist
/// only in its own region.
/// </summary>
public sealed class RegionResolutionTests
{
    private static readonly StackRegion Dev = new("dev", "eu-west-1");

    [Fact]
    public void TheStacksRegionIsUsedWhenTheCallerSetsNone() =>
        Assert.Equal("eu-west-1", Settings().ResolveRegion());

    [Fact]
    public void ACallerRegionThatIsTheStacksIsUsed() =>
        Assert.Equal("eu-west-1", Settings(("AWS_REGION", "eu-west-1")).ResolveRegion());

    [Fact]
    public void AnAwsRegionOtherThanTheStacksIsRefusedNamingBothAndTheFix()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => Settings(("AWS_REGION", "us-east-1")).ResolveRegion());

        Assert.Equal(
            "AWS_REGION is us-east-1 but stack dev's aws:region is eu-west-1, where its resources are. Fix: unset AWS_REGION (the stack's region is then used) or export AWS_REGION=eu-west-1.",
            error.Message);
    }

    [Fact]
    public void TheMismatchNamesTheVariableTheRegionCameFrom()
    {
        var error = Assert.Throws<AwsConfigurationException>(() => Settings(("AWS_DEFAULT_REGION", "us-east-1")).ResolveRegion());

        Assert.StartsWith("AWS_DEFAULT_REGION is us-east-1 but stack dev's aws:region is eu-west-1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnExplicitRegionOverridesBoth() =>
        Assert.Equal("ap-southeast-2", (Settings(("AWS_REGION", "us-east-1")) with { Region = "ap-southeast-2" }).ResolveRegion());

    private static AwsSettings Settings(params (string Name, string Value)[] environment) =>
        new(name => environment.FirstOrDefault(e => e.Name == name).Value, TimeProvider.System) { StackRegion = Dev };
}
