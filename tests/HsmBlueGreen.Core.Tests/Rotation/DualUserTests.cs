using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>--strategy dual-user: one cluster, two crypto users; each rotation changes the password of the user serving no traffic.</summary>
public sealed class DualUserTests
{
    [Fact]
    public async Task RotationChangesTheIdleUsersPasswordAndShiftsTrafficToIt()
    {
        var harness = RotationHarness.DualUser();

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(100, harness.Account.TargetPercent(Color.Green));
        Assert.Equal(harness.Account.Secrets.Value("arn:secret/green", SecretStages.Current)!.Password.Reveal(), harness.UserOf(Color.Green).Password);
        Assert.Equal(FakeAccount.SecondUser, harness.Account.Secrets.Value("arn:secret/green", SecretStages.Current)!.Username);
    }

    [Fact]
    public async Task ServingUserKeepsItsPasswordAndItsSecretIsNeverWritten()
    {
        var harness = RotationHarness.DualUser();

        await harness.RunAsync();

        Assert.Equal(FakeAccount.BluePassword, harness.UserOf(Color.Blue).Password);
        Assert.Equal(["v-blue-1"], (await harness.Account.Secrets.DescribeAsync("arn:secret/blue", default)).VersionStages.Keys);
    }

    [Fact]
    public async Task NoSeedStepRunsAndTheOldPasswordBecomesPrevious()
    {
        var harness = RotationHarness.DualUser();

        await harness.RunAsync();

        Assert.DoesNotContain(harness.Plan().Steps, s => s is RotationStep.SeedSecret);
        Assert.Equal([SecretStages.Previous], (await harness.Account.Secrets.DescribeAsync("arn:secret/green", default)).VersionStages["v-green-1"]);
        Assert.Equal(1, harness.Account.Count("secrets.put"));
    }

    [Fact]
    public async Task PreflightChecksEveryKeyLabelAndWarnsWhatASharedUserCannotDo()
    {
        var harness = RotationHarness.DualUser();

        await harness.RunAsync();

        Assert.Equal(2, harness.Account.Count("hsm.key-list"));
        Assert.Contains(harness.Events.Events, e => e.Kind == EventKinds.Warning && e.Message.Contains("cannot export, wrap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UnsharedKeyIsRefusedInPreflightBeforeAnyChange()
    {
        var harness = RotationHarness.DualUser();
        harness.Account.Keys["app-data-key"] = [new HsmKeySharing("0x00002a", [FakeAccount.User], [])];

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.Equal("key 'app-data-key' (0x00002a) is not shared with app_cu2, so green's clients could not use it. Fix: as app_cu, 'cloudhsm-cli key share --filter attr.label=app-data-key --username app_cu2 --role crypto-user', then run again.", result.Message);
        Assert.Equal((0, 0, 0), (harness.Account.Count("secrets.put"), harness.Account.Count("groups.set"), harness.Account.Leases.Count));
    }

    [Fact]
    public async Task PublicKeyOwnedByOneUserAndSharedWithNobodyPassesBecauseEveryUserCanUseIt()
    {
        var harness = RotationHarness.DualUser();
        harness.Account.Keys["app-signing-key"] = [new HsmKeySharing("0x00001a", [FakeAccount.User], [FakeAccount.SecondUser]), new HsmKeySharing("0x00001b", [FakeAccount.User], []) { KeyClass = HsmKeySharing.PublicKeyClass }];

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Contains(harness.Events.Events, e => e.Message == "key 'app-signing-key': 2 key(s), each reachable by app_cu and app_cu2 (1 public, usable by every user)");
    }

    [Fact]
    public async Task IdleSlotWithoutItsOwnCredentialIsRefusedInPreflight()
    {
        var harness = RotationHarness.DualUser();
        await harness.Account.Secrets.MoveStageAsync("arn:secret/green", SecretStages.Current, null, "v-green-1", default);

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.StartsWith("green's secret arn:secret/green has no AWSCURRENT version: dual-user needs app_cu2's current credential there.", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Account.Count("hsm.key-list"));
    }

    [Fact]
    public async Task KeyLabelNoKeyCarriesIsRefusedInPreflight()
    {
        var harness = RotationHarness.DualUser();
        harness.Account.Keys.Remove("app-signing-key");

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.StartsWith("no key labelled 'app-signing-key' is visible to app_cu", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailedLoginInTheKeyCheckStopsWithoutRetryOrChange()
    {
        var harness = RotationHarness.DualUser();
        harness.UserOf(Color.Blue).Password = "changed-behind-our-back";

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal((1, 1), (harness.UserOf(Color.Blue).FailedLogins, harness.Account.Count("hsm.key-list")));
        Assert.Contains("Not retried", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, harness.Account.Count("secrets.put"));
    }

    [Fact]
    public async Task FailedLoginInChangePasswordStopsAfterOneAttempt()
    {
        var harness = RotationHarness.DualUser();
        harness.UserOf(Color.Green).Password = "not-what-the-secret-holds";

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Equal((1, 1, 0), (harness.UserOf(Color.Green).FailedLogins, harness.Account.Count("hsm.change-password"), harness.Account.WeightChanges));
        Assert.Contains("--acknowledge-login-failure", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NextRotationAlternatesBackToTheFirstUser()
    {
        var harness = RotationHarness.DualUser();
        await harness.RunAsync();
        harness.Account.Clock.Advance(RotationOptions.Default.LeaseDuration);

        var result = await RotationRunner.RunAsync(
            new RotationRun(RotationPlan.For(harness.Settings with { Traffic = TrafficSplit.AllOn(Color.Green) }, harness.Options), harness.Account.Ports(), harness.Account.Clock, harness.Journal, harness.Events, "run-2", default),
            new RunRequest(RunMode.Fresh, DryRun: false));

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(100, harness.Account.TargetPercent(Color.Blue));
        Assert.NotEqual(FakeAccount.BluePassword, harness.UserOf(Color.Blue).Password);
        Assert.Equal(harness.Account.Secrets.Value("arn:secret/blue", SecretStages.Current)!.Password.Reveal(), harness.UserOf(Color.Blue).Password);
    }

    [Fact]
    public void SlotsOnDifferentClustersAreRefusedForDualUser()
    {
        var harness = new RotationHarness { Options = RotationOptions.Default with { StrategyKey = "dual-user" } };

        var refused = Assert.Throws<RotationInputException>(() => harness.Plan());

        Assert.StartsWith("--strategy dual-user needs both slots on one existing cluster", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GreenClusterIsRefusedWhenBothSlotsShareACluster()
    {
        var harness = RotationHarness.DualUser();
        harness.Options = RotationOptions.Default;

        var refused = Assert.Throws<RotationInputException>(() => harness.Plan());

        Assert.EndsWith("Fix: use --strategy dual-user.", refused.Message, StringComparison.Ordinal);
    }
}
