using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// Bad input through the whole program: exit code 2, nothing on stdout (Pulumi must not get half a program),
/// and a message naming the key, the value found and the fix.
/// </summary>
public sealed class BadConfigTests
{
    public static TheoryData<string, string, string, string?, string> Cases() => new()
    {
        { "missing vpcId", StackYaml.Replace("  hsm-blue-green:vpcId: vpc-0d3f5a7b9c1e24680\n", string.Empty), "vpcId", null, "pulumi config set --stack test vpcId vpc-" },
        { "malformed vpc id", StackYaml.Replace("vpc-0d3f5a7b9c1e24680", "vpc-12"), "vpcId", "vpc-12", "pulumi config set --stack test vpcId vpc-" },
        { "malformed subnet id", StackYaml.Replace("subnet-0a1b2c3d4e5f60719", "sn-0a1b"), "hsmSubnets.eu-west-1b", "sn-0a1b", "--path 'hsmSubnets.eu-west-1b' subnet-" },
        { "malformed cluster id", StackYaml.Replace("cluster-jxhlf7644ne", "clu-1"), "slots.blue.clusterId", "clu-1", "--path 'slots.blue.clusterId' cluster-" },
        { "malformed backup id", StackYaml.Replace("backup-rtq2dwi2gq6", "bkp-123"), "slots.green.sourceBackupId", "bkp-123", "--path 'slots.green.sourceBackupId' backup-" },
        { "malformed ami id", StackYaml.Replace("ami-0b7e9f1a3c5d7e9f1", "ami-XYZ"), "clientAmiId", "ami-XYZ", "clientAmiId ami-" },
        { "malformed certificate arn", StackYaml.Replace("arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6", "arn:aws:acm:oops"), "certificateArn", "arn:aws:acm:oops", "certificateArn arn:aws:acm:" },
        { "both cluster sources", StackYaml.Replace("      clusterId: cluster-jxhlf7644ne\n", "      clusterId: cluster-jxhlf7644ne\n      sourceBackupId: backup-rtq2dwi2gq6\n"), "slots.blue", null, "pulumi config rm" },
        { "neither cluster source", StackYaml.Replace("      clusterId: cluster-jxhlf7644ne\n", string.Empty), "slots.blue", null, "slots.blue.sourceBackupId" },
        { "traffic not summing to 100", StackYaml.Replace("    blue: 100", "    blue: 90"), "traffic", "blue 90, green 0", "--path 'traffic.green' 10" },
        { "traffic to a missing slot", StackYaml.Replace("    green:\n      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu\n      clientCount: 0\n", string.Empty).Replace("    blue: 100\n    green: 0", "    blue: 0\n    green: 100", StringComparison.Ordinal), "traffic.green", "100", "configure slots.green" },
        { "typo in a key", StackYaml.Replace("  hsm-blue-green:clientAmiId:", "  hsm-blue-green:requireMultiAZ: \"false\"\n  hsm-blue-green:clientAmiId:"), "requireMultiAZ", null, "did you mean 'requireMultiAz'" },
        { "typo in a slot key", StackYaml.Replace("      cryptoUser: App_CU\n      clientCount: 2", "      cryptUser: App_CU\n      clientCount: 2"), "slots.blue.cryptUser", null, "did you mean 'slots.blue.cryptoUser'" },
        { "one zone for the load balancer", StackYaml.Replace("    eu-west-1b: subnet-0f5a7b9c1d3e5f7a9\n", string.Empty), "albSubnets", null, "add zones" },
        { "https without certificate", StackYaml.Replace("  hsm-blue-green:certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6\n", string.Empty), "certificateArn", null, "certificateArn arn:aws:acm:" },
        { "port out of range", StackYaml.Replace("  hsm-blue-green:clientAmiId:", "  hsm-blue-green:listenerPort: \"70000\"\n  hsm-blue-green:clientAmiId:"), "listenerPort", "70000", "listenerPort 443" },
        { "not a boolean", StackYaml.Replace("  hsm-blue-green:clientAmiId:", "  hsm-blue-green:albInternal: \"maybe\"\n  hsm-blue-green:clientAmiId:"), "albInternal", "maybe", "albInternal true" },
        { "bad alert email", StackYaml.Replace("  hsm-blue-green:clientAmiId:", "  hsm-blue-green:alertEmails:\n    - oncall\n  hsm-blue-green:clientAmiId:"), "alertEmails[0]", "oncall", "hsm-alerts@example.com" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadConfigNamesKeyValueAndFixAndPrintsNoProgram(string why, string yaml, string key, string? value, string fix)
    {
        var run = InfraRun.Yaml(yaml);

        Assert.True(run.ExitCode == 2, why);
        Assert.Equal(string.Empty, run.Stdout);
        var line = Assert.Single(run.Stderr.Split('\n'), l => l.StartsWith($"hsm-blue-green:{key}", StringComparison.Ordinal));
        if (value is not null)
        {
            Assert.Contains($"= \"{value}\"", line, StringComparison.Ordinal);
        }

        Assert.Contains("Fix: ", line, StringComparison.Ordinal);
        Assert.Contains(fix, line, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleZoneClustersBreakTheMultiAzPolicyWhenRequired()
    {
        var run = InfraRun.Yaml(StackYaml.Replace("    eu-west-1b: subnet-0a1b2c3d4e5f60719\n", string.Empty));

        Assert.Equal((2, string.Empty), (run.ExitCode, run.Stdout));
        Assert.Contains("policy multi-az: green-cluster: has HSMs in 1 availability zone(s)", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Fix: add a zone: pulumi config set --path 'hsmSubnets.<zone>'", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownStackNamesTheStacksThatExist()
    {
        var run = InfraRun.Of(Repo.Files, null, "--stack", "staging");

        Assert.Equal((2, string.Empty), (run.ExitCode, run.Stdout));
        Assert.Contains("unknown stack 'staging'", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("stacks here: dev, prod", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("    blue: [100")]
    [InlineData("    blue: \"100")]
    [InlineData("  bad indentation: [")]
    public void UnreadableYamlIsBadInput(string brokenLine)
    {
        var run = InfraRun.Yaml(StackYaml.Replace("    blue: 100", brokenLine));

        Assert.Equal((2, string.Empty), (run.ExitCode, run.Stdout));
        Assert.Contains("Pulumi.test.yaml", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Fix: correct the file", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void MalformedPulumiConfigIsBadInput()
    {
        var env = new Dictionary<string, string> { ["PULUMI_STACK"] = "test", ["PULUMI_CONFIG"] = "{not json" };

        var run = InfraRun.Of(InMemoryProjectFiles.WithStack("test", StackYaml.Valid), env);

        Assert.Equal((2, string.Empty), (run.ExitCode, run.Stdout));
        Assert.Contains("PULUMI_CONFIG is not a JSON object of strings", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--stak", "dev")]
    [InlineData("--stack")]
    public void UnknownOrIncompleteArgumentsPrintUsage(params string[] args)
    {
        var run = InfraRun.Of(Repo.Files, null, args);

        Assert.Equal((2, string.Empty), (run.ExitCode, run.Stdout));
        Assert.Contains("usage: HsmBlueGreen.Infra [--stack <name>]", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretIdentifierIsRefusedWithoutShowingIt()
    {
        var run = InfraRun.Yaml(StackYaml.Replace("hsm-blue-green:vpcId: vpc-0d3f5a7b9c1e24680", "hsm-blue-green:vpcId:\n    secure: v1:bm9uY2U=:Y2lwaGVy"));

        Assert.Equal((2, string.Empty), (run.ExitCode, run.Stdout));
        Assert.Contains("hsm-blue-green:vpcId = \"[secret]\": is a secret", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Y2lwaGVy", run.Stderr, StringComparison.Ordinal);
    }
}
