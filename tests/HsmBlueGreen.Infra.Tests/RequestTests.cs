using HsmBlueGreen.Infra.Cli;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>Which program is printed for which call: a person's run, Pulumi's run, or plugin discovery.</summary>
public sealed class RequestTests
{
    private static InfraRequest Parse(string[] args, params (string Name, string Value)[] env) =>
        InfraRequest.Parse(args, name => env.FirstOrDefault(e => e.Name == name).Value);

    [Fact]
    public void StackArgumentReadsThatStackFile()
    {
        Assert.Equal(new InfraRequest.FromStackFile("dev"), Parse(["--stack", "dev"]));
        Assert.Equal(new InfraRequest.FromStackFile("prod"), Parse(["--stack=prod"]));
    }

    [Fact]
    public void StackArgumentWinsOverPulumiVariables()
    {
        Assert.Equal(new InfraRequest.FromStackFile("dev"), Parse(["--stack", "dev"], ("PULUMI_STACK", "prod"), ("PULUMI_CONFIG", "{}")));
    }

    [Fact]
    public void PulumiRunReadsPulumiConfig()
    {
        Assert.Equal(new InfraRequest.FromPulumi("prod", "{}"), Parse([], ("PULUMI_STACK", "prod"), ("PULUMI_CONFIG", "{}")));
    }

    [Fact]
    public void InheritedStackWithoutConfigReadsThatStackFile()
    {
        Assert.Equal(new InfraRequest.FromStackFile("prod"), Parse([], ("PULUMI_STACK", "prod")));
    }

    [Fact]
    public void NoStackAtAllIsPluginDiscovery()
    {
        Assert.IsType<InfraRequest.Discovery>(Parse([]));
    }

    [Fact]
    public void ConfigWithoutStackIsAUsageError()
    {
        Assert.Throws<UsageException>(() => Parse([], ("PULUMI_CONFIG", "{}")));
    }
}
