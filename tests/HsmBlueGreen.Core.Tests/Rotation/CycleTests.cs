using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Cycle;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;
using HsmBlueGreen.Core.Tests.Settings;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>
/// `cycle` from blue serving alone (green retired by the last one) to green serving alone, on the in-memory account:
/// the fake stack applies each config write as pulumi up would, and the settings are read back from that config.
/// </summary>
public sealed class CycleTests
{
    private readonly FakeAccount account = BlueAlone();
    private readonly MemoryJournal journal = new();

    [Fact]
    public async Task AFullCycleRestoresGreenFromBlueRotatesItAndRetiresBlue()
    {
        var result = await CycleAsync(CycleGoal.Retired);

        Assert.True(result.Outcome == RotationOutcome.Done, result.Message);
        Assert.Equal(("green alone at 100%", true, true), EndState());
    }

    [Fact]
    public async Task EachGoalStopsTheCycleThereAndTheNextRunCarriesOn()
    {
        var prepared = await CycleAsync(CycleGoal.Prepared);
        var preparedOutputs = string.Join(",", account.Outputs.Keys.Order());
        var rotated = await CycleAsync(CycleGoal.Rotated);
        var greenServes = account.TargetPercent(Color.Green);
        var retired = await CycleAsync(CycleGoal.Retired);

        Assert.Equal((RotationOutcome.Done, RotationOutcome.Done, RotationOutcome.Done), (prepared.Outcome, rotated.Outcome, retired.Outcome));
        Assert.Equal(("Blue,Green", 100), (preparedOutputs, greenServes));
        Assert.Equal(("green alone at 100%", true, true), EndState());
    }

    /// <summary>A crash at the first call of each kind (prepare's config write, preview and up, the run's first call and seed, the retire's removal), then cycle again.</summary>
    [Theory]
    [InlineData("stack.set")]
    [InlineData("stack.preview")]
    [InlineData("stack.up")]
    [InlineData("identity.get")]
    [InlineData("secrets.put")]
    [InlineData("stack.rm")]
    public async Task ACrashAtAStageBoundaryThenCycleAgainEndsTheSameWay(string call)
    {
        var crashed = false;
        account.BeforeCall = c =>
        {
            if (!crashed && c == call)
            {
                crashed = true;
                throw new InjectedCrashException(c);
            }
        };
        await Assert.ThrowsAsync<InjectedCrashException>(() => CycleAsync(CycleGoal.Retired));

        var result = await CycleAsync(CycleGoal.Retired);

        Assert.True(result.Outcome == RotationOutcome.Done, result.Message);
        Assert.Equal(("green alone at 100%", true, true), EndState());
    }

    [Fact]
    public async Task RightAfterACycleTheNextOneWaitsForABackupHoldingTheNewPasswordWithNothingChanged()
    {
        await CycleAsync(CycleGoal.Retired);
        var writes = account.ConfigWrites.Count;

        var again = await CycleAsync(CycleGoal.Retired);

        Assert.Equal(RotationOutcome.NeedsOperator, again.Outcome);
        Assert.Contains("the next is due by", again.Message, StringComparison.Ordinal);
        Assert.Contains("continue with 'hsm-rotate cycle --stack test'", again.Message, StringComparison.Ordinal);
        Assert.Equal(writes, account.ConfigWrites.Count);
    }

    /// <summary>
    /// CloudHSM's daily backup of green lands after AWSPENDING was created but before change-password: it is newer than
    /// green's AWSCURRENT yet holds the old password, so the next cycle must not restore blue from it.
    /// </summary>
    [Fact]
    public async Task ABackupTakenBetweenCreatePendingAndTheChangeDoesNotSeedTheNextCycle()
    {
        var taken = false;
        account.BeforeCall = c =>
        {
            if (!taken && c == "hsm.change-password")
            {
                taken = true;
                account.Clock.Advance(TimeSpan.FromSeconds(30));
                account.TakeBackup(Color.Green, account.Clock.GetUtcNow(), "backup-greenmidchange");
                account.Clock.Advance(TimeSpan.FromSeconds(30));
            }
        };
        await CycleAsync(CycleGoal.Retired);
        var green = account.Outputs[Color.Green];

        var setAt = await BackupChoice.CredentialSetAtAsync(account.Ports(), green.SecretArn, CancellationToken.None);
        var next = await BackupChoice.ChooseAsync(account.Ports(), "green", green.ClusterId, setAt!.Value, null, CancellationToken.None);

        Assert.True(taken, "the run never changed the password");
        Assert.True(next.Outcome == RotationOutcome.NeedsOperator, next.Message);
        Assert.Contains("the next is due by", next.Message, StringComparison.Ordinal);
    }

    private (string Serving, bool GreenUserHasItsSecret, bool BlueGoneFromConfig) EndState()
    {
        var green = account.Outputs[Color.Green];
        var current = account.Secrets.GetAsync(green.SecretArn, SecretVersionRef.ByStage(SecretStages.Current), CancellationToken.None).Result;
        var serving = account.Outputs.Count == 1 && account.TargetPercent(Color.Green) == 100 ? "green alone at 100%" : $"{string.Join(",", account.Outputs.Keys)} green at {account.TargetPercent(Color.Green)}%";
        return (serving, current is not null && account.HsmUsers[green.ClusterId].Password == current.Password.Reveal() && current.Password.Reveal() != FakeAccount.BluePassword, account.Config.GetValueOrDefault("slots.blue") == "<removed>");
    }

    private Task<RunResult> CycleAsync(CycleGoal goal)
    {
        var request = new CycleRequest(
            goal,
            () => StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", StackFileFrom(account))),
            (plan, saved) => new RotationRun(plan, account.Ports(), account.Clock, journal, new RecordingEvents(), saved?.RunId ?? Guid.NewGuid().ToString("N")[..12], CancellationToken.None) { SavedRecord = saved },
            (_, saved) => saved ?? RotationOptions.Default,
            PrepareRequest.Unattended(),
            null,
            null);
        return CycleOperation.RunAsync(account.Ports(), request, CancellationToken.None);
    }

    private static FakeAccount BlueAlone()
    {
        var account = FakeAccount.GreenRetired();
        account.TakeBackup(Color.Blue, account.Clock.GetUtcNow().AddMinutes(-30), "backup-bluenewerabc");
        account.TagForRetire(Color.Blue);
        return account;
    }

    /// <summary>The stack file as the config writes left it: blue reads its cluster until retired; green exists once prepared.</summary>
    private static string StackFileFrom(FakeAccount account)
    {
        string Value(string path, string fallback) => account.Config.GetValueOrDefault(path) ?? fallback;
        var blue = account.Config.GetValueOrDefault("slots.blue") == "<removed>" ? string.Empty
            : $"    blue:\n      clusterId: cluster-jxhlf7644ne\n      cryptoUser: App_CU\n      clientCount: {Value("slots.blue.clientCount", "2")}\n";
        var green = account.Config.TryGetValue("slots.green.sourceBackupId", out var backup)
            ? $"    green:\n      sourceBackupId: {backup}\n      cryptoUser: {Value("slots.green.cryptoUser", "app_cu")}\n      clientCount: {Value("slots.green.clientCount", "0")}\n"
            : string.Empty;
        var slots = "    blue:\n      clusterId: cluster-jxhlf7644ne\n      cryptoUser: App_CU\n      clientCount: 2\n    green:\n      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu\n      clientCount: 0\n";
        return StackYaml.Replace(slots, blue + green)
            .Replace("    blue: 100\n    green: 0", $"    blue: {Value("traffic.blue", "100")}\n    green: {Value("traffic.green", "0")}", StringComparison.Ordinal);
    }
}
