using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>Every printed resource checked against the pulumi-aws 7.48.0 subset kept as a fixture.</summary>
public sealed class SchemaConformanceTests
{
    public static TheoryData<string> Programs() => new() { "dev", "prod", "discovery", "split-traffic" };

    private static JsonObject Printed(string which)
    {
        var run = which switch
        {
            "discovery" => InfraRun.Of(null, null),
            "split-traffic" => InfraRun.Yaml(StackYaml.Replace("    blue: 100\n    green: 0", "    blue: 50\n    green: 50").Replace("  hsm-blue-green:clientAmiId:", "  hsm-blue-green:stickinessSeconds: \"30\"\n  hsm-blue-green:clientAmiId:", StringComparison.Ordinal)),
            _ => InfraRun.Stack(which),
        };
        Assert.True(run.ExitCode == 0, run.Stderr);
        return YamlText.Read(run.Stdout)!.AsObject();
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void EveryResourceMatchesThePulumiAwsSubset(string which)
    {
        Assert.Empty(AwsSchema.Load().Check(Printed(which)));
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void EveryResourcePinsTheProviderVersion(string which)
    {
        Assert.All(Printed(which)["resources"]!.AsObject(), r => Assert.Equal(AwsSchema.Load().ProviderVersion, (string?)r.Value!["options"]!["version"]));
    }

    [Fact]
    public void CheckerRejectsAnUnknownInput()
    {
        var program = Printed("dev");
        program["resources"]!["alb"]!["properties"]!["internl"] = true;

        Assert.Contains("alb.properties.internl: no such input", AwsSchema.Load().Check(program));
    }

    [Fact]
    public void CheckerRejectsAMistypedNestedInput()
    {
        var program = Printed("dev");
        program["resources"]!["blue-launch-template"]!["properties"]!["networkInterfaces"]![0]!["associatePublicIpAddress"] = false;

        Assert.Contains("blue-launch-template.properties.networkInterfaces[0].associatePublicIpAddress: false is not string", AwsSchema.Load().Check(program));
    }

    [Fact]
    public void CheckerRejectsAMissingRequiredInput()
    {
        var program = Printed("dev");
        program["resources"]!["listener"]!["properties"]!.AsObject().Remove("defaultActions");

        Assert.Contains("listener.properties.defaultActions: required input missing", AwsSchema.Load().Check(program));
    }

    [Fact]
    public void CheckerRejectsAReferenceToAMissingOutput()
    {
        var program = Printed("dev");
        program["outputs"]!["albDnsName"] = "${alb.dnsname}";

        Assert.Contains("${alb.dnsname}: 'dnsname' is not an output of aws:lb:LoadBalancer", AwsSchema.Load().Check(program));
    }
}
