using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Cycle;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;
using HsmBlueGreen.Core.Tests.Settings;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>`prepare` after green was retired: blue serves alone, and green is to be restored from a backup of blue's cluster.</summary>
public sealed class PrepareTests
{
    private readonly FakeAccount account = FakeAccount.GreenRetired();
    private readonly MemoryJournal journal = new();

    [Fact]
    public async Task TheIdleSlotIsWrittenInOneWriteFromTheNewestBackupTakenAfterTheServingCredential()
    {
        var newest = account.TakeBackup(Color.Blue, account.Clock.GetUtcNow().AddMinutes(-10), "backup-blue00000007");

        var result = await PrepareAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        var write = Assert.Single(account.ConfigWrites);
        Assert.Equal(
            [("slots.green.sourceBackupId", newest.Info.BackupId), ("slots.green.cryptoUser", Bind(BlueOnlyYaml).Slots[Color.Blue].CryptoUser), ("slots.green.clientCount", "0")],
            write.Select(v => (v.Key, v.Value)));
    }

    [Fact]
    public async Task ABackupOlderThanTheServingCredentialIsRefusedWithNothingChanged()
    {
        await account.ChangePasswordAsync(Color.Blue, "v-blue-2", "Blue-Changed-Pw-0001");

        var result = await PrepareAsync("backup-blue00000001");

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.Contains("before blue's credential was last set", result.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), (account.ConfigWrites.Count, account.Ups.Count));
    }

    [Fact]
    public async Task WithoutAQualifyingBackupItSaysWhenTheNextDailyBackupIsDueAndNeedsAnOperator()
    {
        await account.ChangePasswordAsync(Color.Blue, "v-blue-2", "Blue-Changed-Pw-0001");
        var changedAt = account.Clock.GetUtcNow();

        var result = await PrepareAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains($"the next is due by {changedAt.AddHours(24):u}", result.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0), (account.ConfigWrites.Count, account.Ups.Count));
    }

    [Fact]
    public async Task APreviewThatWouldReplaceAServingSlotResourceIsRefusedAndTheConfigTakenBack()
    {
        account.PreviewAnswer = () => new StackPreview([
            new PreviewStep("create", StackResourceNames.Urn("test", "aws:cloudhsmv2/cluster:Cluster", "green-cluster")),
            new PreviewStep("replace", StackResourceNames.Urn("test", "aws:cloudhsmv2/hsm:Hsm", "blue-hsm-eu-west-1a"))]);

        var result = await PrepareAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains("replace urn:pulumi:test::hsm-blue-green::aws:cloudhsmv2/hsm:Hsm::blue-hsm-eu-west-1a", result.Message, StringComparison.Ordinal);
        Assert.Empty(account.Ups);
        Assert.Equal([null], account.ConfigWrites.Last().Select(v => v.Value));
    }

    /// <summary>A killed `pulumi up` leaves a pending create; Pulumi only warns on the next up and would create the cluster again.</summary>
    [Fact]
    public async Task PendingOperationsFromAnInterruptedUpAreRefusedWithNothingAppliedAndTheConfigTakenBack()
    {
        var cluster = StackResourceNames.Urn("test", "aws:cloudhsmv2/cluster:Cluster", "green-cluster");
        account.PendingOperations.Add(new PendingOperation(cluster, "creating"));

        var result = await PrepareAsync();

        Assert.Equal(RotationOutcome.NeedsOperator, result.Outcome);
        Assert.Contains($"{cluster} (creating)", result.Message, StringComparison.Ordinal);
        Assert.Contains("'pulumi refresh --stack test'", result.Message, StringComparison.Ordinal);
        Assert.Empty(account.Ups);
        Assert.Equal([null], account.ConfigWrites.Last().Select(v => v.Value));
    }

    [Fact]
    public async Task ItWaitsUntilTheRestoredClusterAndItsHsmsAreActive()
    {
        var result = await PrepareAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        var cluster = account.Clusters[account.Outputs[Color.Green].ClusterId];
        Assert.Equal((ClusterState.Active, "backup-blue00000001"), (cluster.State, cluster.SourceBackupId));
        Assert.All(cluster.Hsms, h => Assert.Equal(HsmState.Active, h.State));
        Assert.True(account.Clock.Waited >= account.CreationTime, $"waited {account.Clock.Waited}");
        Assert.Contains(journal.ReadAll(), e => e.Message.Contains("CreateInProgress", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACrashBeforePulumiUpIsResumedFromTheWrittenConfigWithoutASecondWrite()
    {
        account.TakeBackup(Color.Blue, account.Clock.GetUtcNow().AddMinutes(-5), "backup-bluenewerabc");
        account.BeforeCall = call =>
        {
            if (call == "stack.up" && account.Ups.Count == 0)
            {
                account.BeforeCall = null;
                throw new InjectedCrashException(call);
            }
        };
        await Assert.ThrowsAsync<InjectedCrashException>(() => PrepareAsync());

        var result = await PrepareAsync(settings: WithGreen(account.Config["slots.green.sourceBackupId"]));

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal((1, 1), (account.ConfigWrites.Count, account.Ups.Count));
    }

    private Task<RunResult> PrepareAsync(string? backupId = null, StackSettings? settings = null)
    {
        var plan = PrepareOperation.PlanFor(settings ?? Bind(BlueOnlyYaml));
        var run = new RotationRun(plan, account.Ports(), account.Clock, journal, new RecordingEvents(), "prepare-1", CancellationToken.None);
        return PrepareOperation.RunAsync(run, PrepareRequest.Unattended(backupId));
    }

    private static StackSettings Bind(string yaml) => StackSettingsBinder.Bind("test", StackFileReader.Read("Pulumi.test.yaml", yaml));

    private static string BlueOnlyYaml => StackYaml.Replace("    green:\n      sourceBackupId: backup-rtq2dwi2gq6\n      cryptoUser: app_cu\n      clientCount: 0\n", string.Empty);

    private static StackSettings WithGreen(string backupId) => Bind(StackYaml.Replace("backup-rtq2dwi2gq6", backupId));
}
