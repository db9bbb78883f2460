using System.Text.Json.Nodes;
using HsmBlueGreen.Aws.Ssm;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ssm;

/// <summary>Scripts/hsm-user.sh run for real with fake `aws` and `cloudhsm-cli` on PATH.</summary>
public sealed class HsmUserScriptTests : IDisposable
{
    private const string Secret = GreenHost.Secret;
    private const string OldPassword = GreenHost.OldPassword;
    private const string NewPassword = GreenHost.NewPassword;
    private static readonly HsmUserTarget Target = GreenHost.Target;
    private readonly FakeHsmHost host = GreenHost.BeforeChange();

    public void Dispose() => host.Dispose();

    private JsonObject RunChange()
    {
        var run = host.Run(HsmUserScript.ChangePassword(Target, SecretVersionRef.ByStage("AWSCURRENT"), SecretVersionRef.ById("v-pending")));
        return JsonNode.Parse(run.StandardOutput.Trim())!.AsObject();
    }

    [Fact]
    public void ChangePasswordLogsInAsTheUserThroughTheEnvironment()
    {
        var result = RunChange();

        var call = Assert.Single(host.CliCalls);
        Assert.Equal("succeeded", result["outcome"]!.GetValue<string>());
        Assert.Equal(("crypto-user", "app_cu:" + OldPassword), (call["role"]!.GetValue<string>(), call["pin"]!.GetValue<string>()));
        Assert.Equal(
            ["user", "change-password", "--username", "app_cu", "--role", "crypto-user", "--password", NewPassword, "--cluster-id", Fixtures.GreenCluster],
            call["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public void TheSecretVersionsAreFetchedByTheScriptItself() =>
        Assert.Equal(
            ["[\"secretsmanager\", \"get-secret-value\", \"--secret-id\", \"" + Secret + "\", \"--query\", \"SecretString\", \"--output\", \"text\", \"--version-stage\", \"AWSCURRENT\"]",
             "[\"secretsmanager\", \"get-secret-value\", \"--secret-id\", \"" + Secret + "\", \"--query\", \"SecretString\", \"--output\", \"text\", \"--version-id\", \"v-pending\"]"],
            RunChangeThen(() => host.AwsCalls));

    [Fact]
    public void AWrongCurrentPasswordIsBadCredentials()
    {
        host.AcceptPin("app_cu:something-else");

        Assert.Equal("bad_credentials", RunChange()["outcome"]!.GetValue<string>());
    }

    [Fact]
    public void ALockedUserIsReportedAsLocked()
    {
        host.AcceptPin("app_cu:something-else").FailLoginsWith("User is locked");

        Assert.Equal("user_locked", RunChange()["outcome"]!.GetValue<string>());
    }

    [Fact]
    public void AnEchoedPasswordIsRedactedFromTheResult()
    {
        host.Answer("user change-password", new JsonObject { ["error_code"] = 1, ["data"] = $"rejected {NewPassword} for app_cu" });

        var result = RunChange();

        Assert.Equal("rejected *** for app_cu", result["detail"]!.GetValue<string>());
    }

    [Fact]
    public void NoEnvelopeAndAConnectionErrorIsClusterUnreachable()
    {
        host.Answer("user change-password", JsonValue.Create("Connection to HSM 10.0.1.12:2223 refused")!);

        Assert.Equal("cluster_unreachable", RunChange()["outcome"]!.GetValue<string>());
    }

    [Fact]
    public void ASecretHoldingAnotherUserStopsBeforeAnyLogin()
    {
        using var other = new FakeHsmHost().AddVersion(Secret, "v-current", "AWSCURRENT", "someone_else", OldPassword);

        var run = other.Run(HsmUserScript.Login(Target, SecretVersionRef.ByStage("AWSCURRENT")));

        Assert.Contains("\"outcome\": \"failed\"", run.StandardOutput, StringComparison.Ordinal);
        Assert.Empty(other.CliCalls);
    }

    [Fact]
    public void UserListReturnsOnlyTheTargetUsersRowWithoutLoggingIn()
    {
        host.Answer("user list", JsonNode.Parse("""
            {"error_code":0,"data":{"users":[
              {"username":"admin","role":"admin","locked":"false","mfa":[],"cluster-coverage":"full"},
              {"username":"app_cu","role":"crypto-user","locked":"false","mfa":[],"quorum":[],"cluster-coverage":"inconsistent"}]}}
            """)!);

        var run = host.Run(HsmUserScript.ListUsers(Target));

        var users = JsonNode.Parse(run.StandardOutput)!["users"]!.AsArray();
        Assert.Equal("{\"username\":\"app_cu\",\"role\":\"crypto-user\",\"locked\":\"false\",\"coverage\":\"inconsistent\",\"mfa\":false}", Assert.Single(users)!.ToJsonString());
        Assert.Null(host.CliCalls.Single()["pin"]);
    }

    [Fact]
    public void TheOutputIsOneLineWithoutAnyPassword()
    {
        var run = host.Run(HsmUserScript.ChangePassword(Target, SecretVersionRef.ByStage("AWSCURRENT"), SecretVersionRef.ById("v-pending")));

        Assert.Single(run.StandardOutput.Trim().Split('\n'));
        Assert.DoesNotContain(OldPassword, run.StandardOutput + run.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    private IReadOnlyList<string> RunChangeThen(Func<IReadOnlyList<string>> read)
    {
        RunChange();
        return read();
    }
}
