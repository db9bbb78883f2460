using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using static HsmBlueGreen.Aws.Tests.Support.GreenHost;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ssm;

/// <summary>IHsmUserCommands through the loopback SSM, whose command host runs the real script against fake tools.</summary>
public sealed class HsmUserCommandsTests : IDisposable
{
    private readonly FakeHsmHost host = GreenHost.BeforeChange();

    public void Dispose() => host.Dispose();

    private LoopbackHarness Start(string clusterState = "ACTIVE") => LoopbackHarness.Start(a =>
    {
        a.AddCluster(Fixtures.Cluster(Fixtures.GreenCluster, clusterState)).AddManagedInstance(Fixtures.GreenAdminHost);
        a.CommandHost = command => host.Run(command.Commands.Single());
    });

    private static Task<HsmCommandResult> ChangeAsync(LoopbackHarness aws) =>
        aws.Ports.HsmUserCommands.ChangePasswordAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), SecretVersionRef.ByStage(SecretStages.Pending), CancellationToken.None);

    [Fact]
    public async Task APasswordChangeRunsOnTheAdminHostAndSucceeds()
    {
        await using var aws = Start();

        var result = await ChangeAsync(aws);

        Assert.Equal(new HsmCommandResult(HsmCommandOutcome.Succeeded, $"change-password succeeded for app_cu on {Fixtures.GreenCluster}"), result);
        var sent = Assert.Single(aws.Account.SentCommands);
        Assert.Equal((Fixtures.GreenAdminHost, "AWS-RunShellScript"), (sent.InstanceId, sent.DocumentName));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task NoPasswordIsInTheSsmRequest()
    {
        await using var aws = Start();

        await ChangeAsync(aws);

        var request = aws.Account.SentCommands.Single().Request.ToJsonString();
        Assert.DoesNotContain(OldPassword, request, StringComparison.Ordinal);
        Assert.DoesNotContain(NewPassword, request, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterAChangeTheHsmAcceptsTheNewPasswordAndNotTheOld()
    {
        await using var aws = Start();
        await ChangeAsync(aws);

        var withNew = await aws.Ports.HsmUserCommands.LoginAsync(Target, SecretVersionRef.ByStage(SecretStages.Pending), CancellationToken.None);
        var withOld = await aws.Ports.HsmUserCommands.LoginAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), CancellationToken.None);

        Assert.Equal((HsmCommandOutcome.Succeeded, HsmCommandOutcome.BadCredentials), (withNew.Outcome, withOld.Outcome));
    }

    [Fact]
    public async Task AFailedLoginIsBadCredentialsAndIsNotRepeated()
    {
        await using var aws = Start();
        host.AcceptPin("app_cu:something-else");

        var result = await ChangeAsync(aws);

        Assert.Equal(HsmCommandOutcome.BadCredentials, result.Outcome);
        Assert.Single(aws.Account.SentCommands);
        Assert.Single(host.CliCalls);
    }

    [Fact]
    public async Task KeySharingReadsOwnersAndSharedUsersOfEachKey()
    {
        await using var aws = Start();
        host.Answer("key list", System.Text.Json.Nodes.JsonNode.Parse("""
            {"error_code":0,"data":{"matched_keys":[{"key-reference":"0x0000000000000abc","key-info":{"key-owners":[{"username":"app_cu","key-coverage":"full"}],"shared-users":[{"username":"app_cu2","key-coverage":"full"}]}}]}}
            """)!);

        var listed = await aws.Ports.HsmUserCommands.ListKeySharingAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), "app-signing-key", CancellationToken.None);

        Assert.Equal(HsmCommandOutcome.Succeeded, listed.Result.Outcome);
        var key = Assert.Single(listed.Keys);
        Assert.Equal(("0x0000000000000abc", "app_cu", "app_cu2"), (key.KeyReference, Assert.Single(key.Owners), Assert.Single(key.SharedUsers)));
        Assert.True(key.Reaches("APP_CU2"));
        Assert.DoesNotContain(OldPassword, aws.Account.SentCommands.Single().Request.ToJsonString(), StringComparison.Ordinal);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task KeySharingReadsTheKeyClassSoAPublicKeyReachesEveryUser()
    {
        await using var aws = Start();
        // key list shows every public key in the cluster, with its class among the attributes (--verbose).
        host.Answer("key list", System.Text.Json.Nodes.JsonNode.Parse("""
            {"error_code":0,"data":{"matched_keys":[{"key-reference":"0x0000000000000abd","key-info":{"key-owners":[{"username":"app_cu","key-coverage":"full"}],"shared-users":[],"cluster-coverage":"full"},"attributes":{"key-type":"rsa","label":"app-signing-key","class":"public-key"}}]}}
            """)!);

        var listed = await aws.Ports.HsmUserCommands.ListKeySharingAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), "app-signing-key", CancellationToken.None);

        var key = Assert.Single(listed.Keys);
        Assert.Equal((HsmKeySharing.PublicKeyClass, true), (key.KeyClass, key.Reaches("app_cu2")));
    }

    [Fact]
    public async Task KeySharingWithAFailedLoginReturnsNoKeysAndRunsOnce()
    {
        await using var aws = Start();
        host.AcceptPin("app_cu:something-else");

        var listed = await aws.Ports.HsmUserCommands.ListKeySharingAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), "app-signing-key", CancellationToken.None);

        Assert.Equal((HsmCommandOutcome.BadCredentials, 0), (listed.Result.Outcome, listed.Keys.Count));
        Assert.Single(host.CliCalls);
    }

    [Fact]
    public async Task NothingRunsWhenTheClusterIsNotActive()
    {
        await using var aws = Start(clusterState: "UPDATE_IN_PROGRESS");

        var result = await aws.Ports.HsmUserCommands.LoginAsync(Target, SecretVersionRef.ByStage(SecretStages.Pending), CancellationToken.None);

        Assert.Equal(new HsmCommandResult(HsmCommandOutcome.ClusterNotActive, $"cluster {Fixtures.GreenCluster} is in state UpdateInProgress; login needs it ACTIVE, so nothing was run."), result);
        Assert.Empty(aws.Account.SentCommands);
    }

    [Fact]
    public async Task AnInstanceSsmDoesNotManageIsHostUnavailable()
    {
        await using var aws = Start();

        var result = await aws.Ports.HsmUserCommands.LoginAsync(Target with { InstanceId = "i-0fffffffffffffff0" }, SecretVersionRef.ByStage(SecretStages.Current), CancellationToken.None);

        Assert.Equal(HsmCommandOutcome.HostUnavailable, result.Outcome);
    }

    [Fact]
    public async Task TheResultIsAwaitedThroughEventualConsistency()
    {
        await using var aws = Start();
        aws.Account.InvocationLag = 3;
        aws.Account.InProgressPolls = 2;

        var result = await aws.Ports.HsmUserCommands.LoginAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), CancellationToken.None);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(6, aws.Server.CallsTo("GetCommandInvocation").Count());
    }

    [Fact]
    public async Task ACancelledCommandIsAwaitedPastCancelling()
    {
        await using var aws = Start();
        aws.Account.CommandHost = _ => new FakeInvocation("Cancelled", -1, string.Empty, StatusDetails: "Cancelled");

        var result = await ChangeAsync(aws);

        Assert.Equal(HsmCommandOutcome.HostUnavailable, result.Outcome);
        Assert.Contains("ended Cancelled", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCommandIsNotRetriedAfterAServerError()
    {
        await using var aws = Start();
        aws.Server.Inject("SendCommand", InjectedFault.ServerError());

        var result = await ChangeAsync(aws);

        Assert.Equal(HsmCommandOutcome.Failed, result.Outcome);
        Assert.Single(aws.Server.CallsTo("SendCommand"));
    }

    [Fact]
    public async Task AServerErrorFromSendCommandSaysTheCommandMayAlreadyHaveRun()
    {
        await using var aws = Start();
        aws.Account.SendCommandFailsAfterAccepting = _ => true;

        var result = await ChangeAsync(aws);

        Assert.True(host.Accepts("app_cu:" + NewPassword));
        Assert.Equal(HsmCommandOutcome.Failed, result.Outcome);
        Assert.Contains("may already have run on i-0abcdef1234567890", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendCommandIsRetriedWhenThrottled()
    {
        await using var aws = Start();
        aws.Server.Inject("SendCommand", InjectedFault.Throttle());

        var result = await ChangeAsync(aws);

        Assert.True(result.Succeeded, result.Detail);
        Assert.Equal(2, aws.Server.CallsTo("SendCommand").Count());
    }

    [Fact]
    public async Task TheUserListRowIsMapped()
    {
        await using var aws = Start();
        host.Answer("user list", System.Text.Json.Nodes.JsonNode.Parse("""{"error_code":0,"data":{"users":[{"username":"app_cu","role":"crypto-user","locked":"true","mfa":[{"strategy":"token-sign","status":"enabled"}],"cluster-coverage":"full"}]}}""")!);

        var list = await aws.Ports.HsmUserCommands.ListUsersAsync(Target, CancellationToken.None);

        Assert.True(list.Result.Succeeded, list.Result.Detail);
        Assert.Equal([new HsmUser("app_cu", "crypto-user", "true", "full", MfaEnabled: true)], list.Users);
    }

    [Fact]
    public async Task ACommandThatFailsWithoutAResultLineIsFailedWithItsError()
    {
        await using var aws = Start();
        aws.Account.CommandHost = _ => new FakeInvocation("Failed", 127, string.Empty, "bash: python3: command not found");

        var result = await ChangeAsync(aws);

        Assert.Equal(HsmCommandOutcome.Failed, result.Outcome);
        Assert.StartsWith("change-password on i-0abcdef1234567890 ended Failed without a result (bash: python3: command not found) (SSM command ", result.Detail, StringComparison.Ordinal);
    }
}
