using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Steps;
using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;
using Moq;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>Each phase's calls on its ports, with mocks: what it sends, in which order, and what it leaves alone.</summary>
public sealed class PhaseInteractionTests
{
    private static readonly RotationTokens Tokens = RotationTokens.For("v-blue-1");
    private static readonly HsmCommandResult Ok = new(HsmCommandOutcome.Succeeded, "ok");

    /// <summary>What preflight would hand the steps: the fake stack's blue-to-green slots and this rotation's tokens.</summary>
    private static readonly Observation Observed = Observe(new FakeAccount().StackOutputs);

    private readonly Mock<IStackControl> stack = new(MockBehavior.Strict);
    private readonly Mock<ISecretStore> secrets = new(MockBehavior.Strict);
    private readonly Mock<IAppGroups> groups = new(MockBehavior.Strict);
    private readonly Mock<IHsmUserCommands> hsm = new(MockBehavior.Strict);
    private readonly Mock<ILoadBalancer> loadBalancer = new(MockBehavior.Strict);
    private readonly Mock<IMetrics> metrics = new(MockBehavior.Strict);

    [Fact]
    public async Task QuiesceScalesTheTargetGroupToZeroWithoutTouchingTheStackWhenItAlreadySaysZero()
    {
        var state = new AppGroupState("asg-green", 2, 0, 4, 2, 2);
        groups.Setup(g => g.DescribeAsync("asg-green", It.IsAny<CancellationToken>())).ReturnsAsync(() => state);
        groups.Setup(g => g.SetDesiredCapacityAsync("asg-green", 0, It.IsAny<CancellationToken>()))
            .Callback(() => state = state with { Desired = 0, InService = 0, Instances = 0 }).Returns(Task.CompletedTask);

        var result = await new QuiesceStep().ApplyAsync(Run(), Observed);

        Assert.True(result.Continues);
        groups.Verify(g => g.SetDesiredCapacityAsync("asg-green", 0, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AStepActsOnTheSlotOfTheObservationItIsHandedWithoutReadingTheStackAgain()
    {
        var elsewhere = Observed with { Target = Observed.Target with { AppGroupName = "asg-elsewhere" } };
        var state = new AppGroupState("asg-elsewhere", 2, 0, 4, 2, 2);
        groups.Setup(g => g.DescribeAsync("asg-elsewhere", It.IsAny<CancellationToken>())).ReturnsAsync(() => state);
        groups.Setup(g => g.SetDesiredCapacityAsync("asg-elsewhere", 0, It.IsAny<CancellationToken>()))
            .Callback(() => state = state with { Desired = 0, InService = 0, Instances = 0 }).Returns(Task.CompletedTask);

        Assert.True((await new QuiesceStep().ApplyAsync(Run(), elsewhere)).Continues);
        groups.Verify(g => g.SetDesiredCapacityAsync("asg-elsewhere", 0, It.IsAny<CancellationToken>()), Times.Once);
        stack.Verify(s => s.GetOutputsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SeedPutsBluesCurrentCredentialUnderTheSeedTokenAsAwsCurrent()
    {
        var blue = new Credential("app_cu", new Sensitive("blue-pw"));
        secrets.Setup(s => s.GetAsync("arn:secret/blue", SecretVersionRef.ById("v-blue-1"), It.IsAny<CancellationToken>())).ReturnsAsync(blue);
        secrets.Setup(s => s.PutAsync("arn:secret/green", Tokens.Seed, blue, new[] { SecretStages.Current }, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        Assert.True((await new SeedSecretStep().ApplyAsync(Run(), Observed)).Continues);
        secrets.VerifyAll();
    }

    [Fact]
    public async Task CreatePendingStoresTheGeneratedPasswordAsAwsPendingForTheCryptoUser()
    {
        NoVersionLeftByAnAbort();
        secrets.Setup(s => s.GeneratePasswordAsync(PasswordPolicy.CloudHsm, It.IsAny<CancellationToken>())).ReturnsAsync(new Sensitive(new string('a', 16) + new string('B', 16)));
        secrets.Setup(s => s.PutAsync("arn:secret/green", Tokens.Pending, It.Is<Credential>(c => c.Username == "app_cu" && c.Password.Length == 32), new[] { SecretStages.Pending }, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        Assert.True((await new CreatePendingStep().ApplyAsync(Run(), Observed)).Continues);
        secrets.VerifyAll();
    }

    [Theory]
    [InlineData("short")]
    [InlineData("has space aaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("dollar$aaaaaaaaaaaaaaaaaaaaaaaaa")]
    public async Task CreatePendingRefusesAPasswordThatBreaksThePolicyAndStoresNothing(string password)
    {
        NoVersionLeftByAnAbort();
        secrets.Setup(s => s.GeneratePasswordAsync(PasswordPolicy.CloudHsm, It.IsAny<CancellationToken>())).ReturnsAsync(new Sensitive(password));

        var result = await new CreatePendingStep().ApplyAsync(Run(), Observed);

        Assert.Equal(RotationOutcome.NeedsOperator, result.Stop);
        Assert.DoesNotContain(password, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePendingTakesUpTheVersionAnAbortLeftWithoutGeneratingAnother()
    {
        secrets.Setup(s => s.GetAsync("arn:secret/green", SecretVersionRef.ById(Tokens.Pending), It.IsAny<CancellationToken>())).ReturnsAsync(new Credential("app_cu", new Sensitive("left-by-the-aborted-attempt")));
        secrets.Setup(s => s.DescribeAsync("arn:secret/green", It.IsAny<CancellationToken>())).ReturnsAsync(Versions((Tokens.Seed, [SecretStages.Current])));
        secrets.Setup(s => s.MoveStageAsync("arn:secret/green", SecretStages.Pending, Tokens.Pending, null, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        Assert.True((await new CreatePendingStep().ApplyAsync(Run(), Observed)).Continues);
        secrets.VerifyAll();
        secrets.Verify(s => s.GeneratePasswordAsync(It.IsAny<PasswordPolicy>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private void NoVersionLeftByAnAbort() =>
        secrets.Setup(s => s.GetAsync("arn:secret/green", SecretVersionRef.ById(Tokens.Pending), It.IsAny<CancellationToken>())).ReturnsAsync((Credential?)null);

    [Fact]
    public async Task SetPasswordChecksTheUserThenChangesFromCurrentToPendingWithoutALogin()
    {
        var sequence = new MockSequence();
        secrets.Setup(s => s.DescribeAsync("arn:secret/green", It.IsAny<CancellationToken>())).ReturnsAsync(Versions((Tokens.Seed, [SecretStages.Current]), (Tokens.Pending, [SecretStages.Pending])));
        hsm.InSequence(sequence).Setup(h => h.ListUsersAsync(It.IsAny<HsmUserTarget>(), It.IsAny<CancellationToken>())).ReturnsAsync(new UserListResult(Ok, [new HsmUser("app_cu", "crypto-user", "false", "full", false)]));
        secrets.InSequence(sequence).Setup(s => s.MoveStageAsync("arn:secret/green", RotationTokens.PasswordChangingStage, Tokens.Pending, null, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        hsm.InSequence(sequence).Setup(h => h.ChangePasswordAsync(new HsmUserTarget("i-admin-green", "cluster-green00000001", "arn:secret/green", "app_cu"), SecretVersionRef.ByStage(SecretStages.Current), new SecretVersionRef(Tokens.Pending, SecretStages.Pending), It.IsAny<CancellationToken>())).ReturnsAsync(Ok);
        secrets.InSequence(sequence).Setup(s => s.MoveStageAsync("arn:secret/green", RotationTokens.PasswordSetStage, Tokens.Pending, null, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        Assert.True((await new SetPasswordStep().ApplyAsync(Run(), Observed)).Continues);
        hsm.Verify(h => h.LoginAsync(It.IsAny<HsmUserTarget>(), It.IsAny<SecretVersionRef>(), It.IsAny<CancellationToken>()), Times.Never);
        secrets.VerifyAll();
    }

    [Fact]
    public async Task VerifyLogsInOnceWithThePendingVersionAfterUserListShowsFullCoverage()
    {
        var sequence = new MockSequence();
        hsm.InSequence(sequence).Setup(h => h.ListUsersAsync(It.IsAny<HsmUserTarget>(), It.IsAny<CancellationToken>())).ReturnsAsync(new UserListResult(Ok, [new HsmUser("app_cu", "crypto-user", "false", "full", false)]));
        hsm.InSequence(sequence).Setup(h => h.LoginAsync(It.IsAny<HsmUserTarget>(), new SecretVersionRef(Tokens.Pending, SecretStages.Pending), It.IsAny<CancellationToken>())).ReturnsAsync(Ok);

        Assert.True((await new VerifyPasswordStep().ApplyAsync(Run(), Observed)).Continues);
        hsm.Verify(h => h.LoginAsync(It.IsAny<HsmUserTarget>(), It.IsAny<SecretVersionRef>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task PromoteMovesAwsCurrentThenRemovesAwsPendingAndOurLabels()
    {
        var sequence = new MockSequence();
        secrets.Setup(s => s.DescribeAsync("arn:secret/green", It.IsAny<CancellationToken>())).ReturnsAsync(Versions((Tokens.Seed, [SecretStages.Current]), (Tokens.Pending, [SecretStages.Pending, RotationTokens.PasswordChangingStage, RotationTokens.PasswordSetStage])));
        secrets.InSequence(sequence).Setup(s => s.MoveStageAsync("arn:secret/green", SecretStages.Current, Tokens.Pending, Tokens.Seed, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        secrets.InSequence(sequence).Setup(s => s.MoveStageAsync("arn:secret/green", SecretStages.Pending, null, Tokens.Pending, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        secrets.InSequence(sequence).Setup(s => s.MoveStageAsync("arn:secret/green", RotationTokens.PasswordChangingStage, null, Tokens.Pending, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        secrets.InSequence(sequence).Setup(s => s.MoveStageAsync("arn:secret/green", RotationTokens.PasswordSetStage, null, Tokens.Pending, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);

        Assert.True((await new PromoteSecretStep().ApplyAsync(Run(), Observed)).Continues);
        secrets.Verify(s => s.MoveStageAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string?>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()), Times.Exactly(4));
    }

    [Fact]
    public async Task StartTargetRecordsTheClientCountBeforeScalingUp()
    {
        var sequence = new MockSequence();
        var state = new AppGroupState("asg-green", 0, 0, 4, 0, 0);
        stack.InSequence(sequence).Setup(s => s.SetConfigAsync("test", "slots.green.clientCount", "2", It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        groups.Setup(g => g.DescribeAsync("asg-green", It.IsAny<CancellationToken>())).ReturnsAsync(() => state);
        groups.InSequence(sequence).Setup(g => g.SetDesiredCapacityAsync("asg-green", 2, It.IsAny<CancellationToken>())).Callback(() => state = state with { Desired = 2 }).Returns(Task.CompletedTask);
        loadBalancer.Setup(l => l.GetListenerAsync("arn:listener", It.IsAny<CancellationToken>())).ReturnsAsync(new ListenerState("arn:listener", [new("arn:tg/blue", 100), new("arn:tg/green", 0)], null));
        loadBalancer.Setup(l => l.GetTargetHealthAsync("arn:tg/green", It.IsAny<CancellationToken>())).ReturnsAsync([new TargetHealth("i-1", TargetHealthState.Healthy, null), new TargetHealth("i-2", TargetHealthState.Healthy, null)]);

        Assert.True((await new StartTargetStep(2).ApplyAsync(Run(), Observed)).Continues);
        stack.VerifyAll();
        groups.VerifyAll();
    }

    [Fact]
    public void WeightRequestsListBothSlotsWithASlotAtZeroIncluded()
    {
        Assert.Equal([new TargetGroupWeight("arn:tg/blue", 100), new TargetGroupWeight("arn:tg/green", 0)], Core.Rotation.Traffic.ListenerWeights.Request(Observed, 0));
        Assert.Equal([new TargetGroupWeight("arn:tg/blue", 75), new TargetGroupWeight("arn:tg/green", 25)], Core.Rotation.Traffic.ListenerWeights.Request(Observed, 25));
        Assert.Equal([new TargetGroupWeight("arn:tg/blue", 0), new TargetGroupWeight("arn:tg/green", 100)], Core.Rotation.Traffic.ListenerWeights.Request(Observed, 100));
    }

    [Fact]
    public async Task GateErrorsAreRetriedUpToTheLimitThenInconclusive()
    {
        ArrangeHealthyGates();
        hsm.Setup(h => h.LoginAsync(It.IsAny<HsmUserTarget>(), SecretVersionRef.ByStage(SecretStages.Current), It.IsAny<CancellationToken>())).ReturnsAsync(new HsmCommandResult(HsmCommandOutcome.HostUnavailable, "ssm agent offline"));

        var result = await GateRunner.JudgeAsync(Run(), Observed, DateTimeOffset.UnixEpoch);

        Assert.Equal((GateVerdict.Inconclusive, "hsm-login"), (result.Verdict, result.Gate));
        hsm.Verify(h => h.LoginAsync(It.IsAny<HsmUserTarget>(), It.IsAny<SecretVersionRef>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task EachGateRetriesErrorsUpToItsOwnConsecutiveErrorLimit()
    {
        ArrangeHealthyGates();
        hsm.Setup(h => h.LoginAsync(It.IsAny<HsmUserTarget>(), SecretVersionRef.ByStage(SecretStages.Current), It.IsAny<CancellationToken>())).ReturnsAsync(new HsmCommandResult(HsmCommandOutcome.HostUnavailable, "ssm agent offline"));
        var options = RotationOptions.Default with { Gates = RotationOptions.Default.Gates.With(g => g.Name == "hsm-login" ? g with { ConsecutiveErrorLimit = 5 } : g with { ConsecutiveErrorLimit = 1 }) };

        var result = await GateRunner.JudgeAsync(Run(options), Observed, DateTimeOffset.UnixEpoch);

        Assert.Equal((GateVerdict.Inconclusive, "5 errors in a row, last: HostUnavailable (ssm agent offline)"), (result.Verdict, result.Detail));
        hsm.Verify(h => h.LoginAsync(It.IsAny<HsmUserTarget>(), It.IsAny<SecretVersionRef>(), It.IsAny<CancellationToken>()), Times.Exactly(5));
    }

    [Fact]
    public async Task RefusedProbeLoginFailsTheGateAfterOneAttempt()
    {
        ArrangeHealthyGates();
        hsm.Setup(h => h.LoginAsync(It.IsAny<HsmUserTarget>(), SecretVersionRef.ByStage(SecretStages.Current), It.IsAny<CancellationToken>())).ReturnsAsync(new HsmCommandResult(HsmCommandOutcome.BadCredentials, "Incorrect credentials"));

        var result = await GateRunner.JudgeAsync(Run(), Observed, DateTimeOffset.UnixEpoch);

        Assert.Equal((GateVerdict.Failed, true), (result.Verdict, result.LoginFailed));
        hsm.Verify(h => h.LoginAsync(It.IsAny<HsmUserTarget>(), It.IsAny<SecretVersionRef>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    private void ArrangeHealthyGates()
    {
        loadBalancer.Setup(l => l.GetTargetHealthAsync("arn:tg/green", It.IsAny<CancellationToken>())).ReturnsAsync([new TargetHealth("i-1", TargetHealthState.Healthy, null)]);
        metrics.Setup(m => m.GetTargetGroupMetricsAsync(It.IsAny<TargetGroupMetricsQuery>(), It.IsAny<CancellationToken>())).ReturnsAsync(new TargetGroupMetrics(500, 1, 0.1, 5000, null));
    }

    private static SecretVersions Versions(params (string Id, string[] Stages)[] versions) =>
        new("arn:secret/green", versions.ToDictionary(v => v.Id, v => (IReadOnlyList<string>)v.Stages, StringComparer.Ordinal));

    private RotationRun Run(RotationOptions? options = null)
    {
        var account = new FakeAccount();
        var ports = new RotationPorts(new FakeIdentity(account), stack.Object, new FakeClusters(account), loadBalancer.Object, metrics.Object, secrets.Object, new FakeLock(account), groups.Object, hsm.Object) { RunRecords = new FakeRunRecordStore(account) };
        var harness = new RotationHarness { Options = options ?? RotationOptions.Default };
        return new RotationRun(harness.Plan(), ports, account.Clock, new MemoryJournal(), new RecordingEvents(), "run-1", default);
    }

    private static Observation Observe(StackOutputs outputs) => new(outputs, outputs.Slots[Color.Blue], outputs.Slots[Color.Green], Tokens);
}
