using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using static HsmBlueGreen.Aws.Tests.Support.GreenHost;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ssm;

/// <summary>FindChangeAsync reads SSM's command history (ListCommands, then the invocation) and never logs in.</summary>
public sealed class ChangeHistoryTests : IDisposable
{
    private static readonly SecretVersionRef Next = new("v-pending", SecretStages.Pending);
    private readonly FakeHsmHost host = GreenHost.BeforeChange();

    public void Dispose() => host.Dispose();

    private LoopbackHarness Start() => LoopbackHarness.Start(a =>
    {
        a.AddCluster(Fixtures.Cluster(Fixtures.GreenCluster, "ACTIVE")).AddManagedInstance(Fixtures.GreenAdminHost);
        a.CommandHost = command => host.Run(command.Commands.Single());
    });

    [Fact]
    public async Task AChangeNeverSentIsNotSent()
    {
        await using var aws = Start();
        await aws.Ports.HsmUserCommands.ChangePasswordAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), new SecretVersionRef("v-other", null), CancellationToken.None);

        var found = await aws.Ports.HsmUserCommands.FindChangeAsync(Target, Next, CancellationToken.None);

        Assert.Equal(SentState.NotSent, found.State);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AChangeWhoseSendCommandGotAServerErrorIsFoundSucceededWithoutALogin()
    {
        await using var aws = Start();
        aws.Account.SendCommandFailsAfterAccepting = _ => true;
        await aws.Ports.HsmUserCommands.ChangePasswordAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), Next, CancellationToken.None);
        aws.Account.SendCommandFailsAfterAccepting = _ => false;

        var found = await aws.Ports.HsmUserCommands.FindChangeAsync(Target, Next, CancellationToken.None);

        Assert.Equal((SentState.Ended, HsmCommandOutcome.Succeeded), (found.State, found.Result.Outcome));
        Assert.Single(host.CliCalls);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AChangeWhoseLoginFailedIsFoundAsBadCredentials()
    {
        await using var aws = Start();
        host.AcceptPin("app_cu:something-else");
        await aws.Ports.HsmUserCommands.ChangePasswordAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), Next, CancellationToken.None);

        var found = await aws.Ports.HsmUserCommands.FindChangeAsync(Target, Next, CancellationToken.None);

        Assert.Equal((SentState.Ended, HsmCommandOutcome.BadCredentials), (found.State, found.Result.Outcome));
        Assert.Single(host.CliCalls);
    }

    [Fact]
    public async Task AChangeThatEndedWithoutTheScriptsResultIsUnknown()
    {
        await using var aws = Start();
        aws.Account.CommandHost = _ => new FakeInvocation("TimedOut", -1, string.Empty, string.Empty, "Execution Timed Out");
        await aws.Ports.HsmUserCommands.ChangePasswordAsync(Target, SecretVersionRef.ByStage(SecretStages.Current), Next, CancellationToken.None);

        var found = await aws.Ports.HsmUserCommands.FindChangeAsync(Target, Next, CancellationToken.None);

        Assert.Equal(SentState.Unknown, found.State);
    }

    [Fact]
    public async Task AHistoryThatCannotBeReadIsUnknown()
    {
        await using var aws = Start();
        aws.Account.Deny("ListCommands", "*");

        var found = await aws.Ports.HsmUserCommands.FindChangeAsync(Target, Next, CancellationToken.None);

        Assert.Equal(SentState.Unknown, found.State);
        Assert.Contains("ssm:ListCommands", found.Result.Detail, StringComparison.Ordinal);
    }
}
