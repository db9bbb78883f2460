using System.Text.Json.Nodes;
using HsmBlueGreen.Aws.Ssm;
using HsmBlueGreen.Aws.Tests.Support;
using static HsmBlueGreen.Aws.Tests.Support.GreenHost;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ssm;

/// <summary>Scripts/hsm-user.sh run for real with fake `aws` and `cloudhsm-cli` on PATH.</summary>
public sealed class HsmUserScriptTests : IDisposable
{
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
            ["user", "change-password", "--username", "app_cu", "--role", "crypto-user", "--password", NewPassword],
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

    [Fact]
    public void KeySharingListsTheLabelsKeysWithOwnersAndSharedUsersAsTheServingUser()
    {
        host.Answer("key list", JsonNode.Parse("""
            {"error_code":0,"data":{"matched_keys":[
              {"key-reference":"0x0000000000000abc","key-info":{"key-owners":[{"username":"app_cu","key-coverage":"full"}],"shared-users":[{"username":"app_cu2","key-coverage":"full"}],"cluster-coverage":"full"},"attributes":{"key-type":"rsa","label":"app-signing-key","class":"private-key"}},
              {"key-reference":"0x0000000000000abd","key-info":{"key-owners":[{"username":"app_cu","key-coverage":"full"}],"shared-users":[],"cluster-coverage":"full"},"attributes":{"key-type":"rsa","label":"app-signing-key","class":"public-key"}}]}}
            """)!);

        var run = host.Run(HsmUserScript.KeySharing(Target, SecretVersionRef.ByStage("AWSCURRENT"), "app-signing-key"));

        var call = Assert.Single(host.CliCalls);
        Assert.Equal(
            ["key", "list", "--filter", "attr.label=app-signing-key", "--verbose", "--max-items", "100"],
            call["argv"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal("app_cu:" + OldPassword, call["pin"]!.GetValue<string>());
        Assert.Equal(
            """[{"reference":"0x0000000000000abc","owners":["app_cu"],"shared":["app_cu2"],"class":"private-key"},{"reference":"0x0000000000000abd","owners":["app_cu"],"shared":[],"class":"public-key"}]""",
            JsonNode.Parse(run.StandardOutput)!["keys"]!.ToJsonString());
    }

    [Fact]
    public void KeySharingWithAWrongPasswordIsBadCredentialsAndNoPasswordIsPrinted()
    {
        host.AcceptPin("app_cu:something-else");

        var run = host.Run(HsmUserScript.KeySharing(Target, SecretVersionRef.ByStage("AWSCURRENT"), "app-signing-key"));

        Assert.Equal("bad_credentials", JsonNode.Parse(run.StandardOutput)!["outcome"]!.GetValue<string>());
        Assert.DoesNotContain(OldPassword, run.StandardOutput + run.StandardError, StringComparison.Ordinal);
    }

    private IReadOnlyList<string> RunChangeThen(Func<IReadOnlyList<string>> read)
    {
        RunChange();
        return read();
    }
}
