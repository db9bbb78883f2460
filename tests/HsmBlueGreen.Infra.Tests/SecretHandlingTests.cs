using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// Pulumi hands secrets to the compiler decrypted and unmarked in PULUMI_CONFIG; the program must still
/// reference them by key and never carry the plaintext.
/// </summary>
public sealed class SecretHandlingTests
{
    private const string Plaintext = "arn:aws:acm:eu-west-1:123456789012:certificate/00000000-1111-2222-3333-444444444444";

    private static readonly string SecretStack = StackYaml.Replace(
        "hsm-blue-green:certificateArn: arn:aws:acm:eu-west-1:123456789012:certificate/7d2f0c1e-3b4a-4c5d-9e6f-a1b2c3d4e5f6",
        "hsm-blue-green:certificateArn:\n    secure: v1:bm9uY2U=:Y2lwaGVy");

    private static InfraRun PulumiRun() => InfraRun.Of(
        InMemoryProjectFiles.WithStack("test", SecretStack),
        new Dictionary<string, string>
        {
            ["PULUMI_STACK"] = "test",
            ["PULUMI_CONFIG"] = PulumiConfigJson.FromStackFile(SecretStack, new Dictionary<string, string> { ["hsm-blue-green:certificateArn"] = Plaintext }),
        });

    [Fact]
    public void DecryptedSecretNeverReachesTheProgram()
    {
        var run = PulumiRun();

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain(Plaintext, run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Plaintext, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void SecretIsDeclaredSecretAndReferencedByKey()
    {
        var run = PulumiRun();

        Assert.Contains("config:\n  certificateArn:\n    type: string\n    secret: true\n", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("certificateArn: ${certificateArn}", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void OfflineRunOfASecretStackPrintsTheSameProgram()
    {
        Assert.Equal(PulumiRun().Stdout, InfraRun.Yaml(SecretStack).Stdout);
    }
}
