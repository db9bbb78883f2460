using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// pulumi-yaml passes the caller's environment after the PULUMI_* variables it sets, so an exported PULUMI_STACK
/// reaches the compiler instead of the stack pulumi runs, while PULUMI_CONFIG is still that stack's config.
/// </summary>
public sealed class PulumiStackCheckTests
{
    private static string DevYaml => File.ReadAllText(Path.Combine(Repo.Root, "Pulumi.dev.yaml"));

    [Fact]
    public void ConfigOfAnotherStackUnderPulumiStackIsRefusedWithTheIdsThatDiffer()
    {
        var run = Run("prod", PulumiConfigJson.FromStackFile(DevYaml));

        Assert.Equal((2, string.Empty), (run.ExitCode, run.Stdout));
        Assert.StartsWith("hsm-blue-green infra: PULUMI_STACK is 'prod' but PULUMI_CONFIG is not Pulumi.prod.yaml's config (", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("hsm-blue-green:vpcId is 'vpc-0d3f5a7b9c1e24680' there and 'vpc-07c9e1a3b5d7f9a1c' in the file", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Fix: 'unset PULUMI_STACK PULUMI_CONFIG'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ADifferentRegionIsNamedWithBothValues()
    {
        var run = Run("dev", PulumiConfigJson.FromStackFile(DevYaml.Replace("aws:region: eu-west-1", "aws:region: eu-central-1", StringComparison.Ordinal)));

        Assert.Contains("aws:region is 'eu-central-1' there and 'eu-west-1' in the file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void ADifferentSlotClusterIsNamed()
    {
        var run = Run("dev", PulumiConfigJson.FromStackFile(DevYaml.Replace("cluster-jxhlf7644ne", "cluster-k3mzq5vw7ytb", StringComparison.Ordinal)));

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("hsm-blue-green:slots.blue.clusterId is 'cluster-k3mzq5vw7ytb' there and 'cluster-jxhlf7644ne' in the file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void TheStacksOwnConfigPasses()
    {
        var run = Run("dev", PulumiConfigJson.FromStackFile(DevYaml));

        Assert.True(run.ExitCode == 0, run.Stderr);
    }

    private static InfraRun Run(string stack, string config) =>
        InfraRun.Of(Repo.Files, new Dictionary<string, string> { ["PULUMI_STACK"] = stack, ["PULUMI_CONFIG"] = config });
}
