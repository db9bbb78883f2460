using System.Text.Json.Nodes;
using HsmBlueGreen.Aws.Ssm;
using HsmBlueGreen.Aws.Tests.Support;
using static HsmBlueGreen.Aws.Tests.Support.GreenHost;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ssm;

/// <summary>
/// hsm-user.sh against cloudhsm-cli as documented: an indented envelope over many lines with stderr merged in,
/// on a host configured with `configure-cli -a` (one cluster, no cluster id).
/// </summary>
public sealed class CliOutputTests : IDisposable
{
    private readonly FakeHsmHost host = GreenHost.BeforeChange();

    public void Dispose() => host.Dispose();

    private string Outcome(string command) => JsonNode.Parse(host.Run(command).StandardOutput)!["outcome"]!.GetValue<string>();

    private static string Change() => HsmUserScript.ChangePassword(Target, SecretVersionRef.ByStage("AWSCURRENT"), SecretVersionRef.ById("v-pending"));

    [Fact]
    public void ASuccessfulChangeAfterAWarningAboutPasswordsSucceeds()
    {
        host.Warn("WARNING: the password was given on the command line; the PIN login succeeded.");

        Assert.Equal("succeeded", Outcome(Change()));
    }

    [Fact]
    public void ANewPasswordTheHsmRejectsIsNotALoginFailure()
    {
        host.Answer("user change-password", new JsonObject { ["error_code"] = 1, ["data"] = "The new password does not meet the length requirements" });

        Assert.Equal("failed", Outcome(Change()));
    }

    [Fact]
    public void OutputWithoutAnEnvelopeIsNeverTakenForALoginFailure()
    {
        host.Answer("user change-password", JsonValue.Create("Segmentation fault while reading the PIN and password")!);

        Assert.Equal("failed", Outcome(Change()));
    }

    [Fact]
    public void EveryOperationRunsOnTheHostsOneConfiguredClusterWithoutAClusterId()
    {
        string[] outcomes =
        [
            Outcome(HsmUserScript.ListUsers(Target)),
            Outcome(HsmUserScript.KeySharing(Target, SecretVersionRef.ByStage("AWSCURRENT"), "app-signing-key")),
            Outcome(HsmUserScript.Login(Target, SecretVersionRef.ByStage("AWSCURRENT"))),
            Outcome(Change()),
        ];

        Assert.Equal(["succeeded", "succeeded", "succeeded", "succeeded"], outcomes);
        Assert.DoesNotContain(host.CliCalls, c => c["argv"]!.AsArray().Any(a => a!.GetValue<string>() == "--cluster-id"));
    }
}
