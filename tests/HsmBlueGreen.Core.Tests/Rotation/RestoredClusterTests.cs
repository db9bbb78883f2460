using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>
/// Green-cluster rotations depend on green's backup: it holds blue's users and passwords as of when it was taken
/// (CloudHSM backs up about daily, never on request), so the seed is blue's credential of that time.
/// </summary>
public sealed class RestoredClusterTests
{
    private const string ChangedPassword = "Blue-Changed-After-Backup-Pw-5521";

    [Fact]
    public async Task ServingPasswordChangedAfterGreensBackupSeedsTheVersionCurrentAtBackupTime()
    {
        var harness = new RotationHarness();
        await harness.Account.ChangePasswordAsync(Color.Blue, "v-blue-2", ChangedPassword);

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal((0, harness.Account.Secrets.Value("arn:secret/green", SecretStages.Current)!.Password.Reveal()), (harness.UserOf(Color.Green).FailedLogins, harness.UserOf(Color.Green).Password));
        Assert.Contains(harness.Events.Events, e => e.Field("seedVersion") == "v-blue-1");
    }

    [Fact]
    public async Task GreenClusterPreflightReturnsANewObservationSeededAtTheBackupsVersionAndLeavesTheGivenOneAlone()
    {
        var harness = new RotationHarness();
        await harness.Account.ChangePasswordAsync(Color.Blue, "v-blue-2", ChangedPassword);
        var outputs = harness.Account.StackOutputs;
        var given = new Observation(outputs, outputs.Slots[Color.Blue], outputs.Slots[Color.Green], RotationTokens.For("v-blue-2"));

        var (result, observed) = await harness.Plan().Strategy.PreflightChecksAsync(harness.NewRun(), given, resuming: false);

        Assert.True(result.Continues, result.Message);
        Assert.Equal(RotationTokens.For("v-blue-2") with { SourceVersionId = "v-blue-1" }, observed.Tokens);
        Assert.Equal(RotationTokens.For("v-blue-2"), given.Tokens);
    }

    [Fact]
    public async Task BackupOlderThanEveryKnownServingCredentialIsRefusedNamingANewerBackup()
    {
        var harness = await ChangedTwiceSinceGreensBackupAsync();
        harness.Account.TakeBackup(Color.Blue, harness.Account.Clock.GetUtcNow().AddMinutes(30), "backup-blue00000009");
        var puts = harness.Account.Count("secrets.put");

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.StartsWith("green's cluster cluster-green00000001 was restored from backup backup-blue00000001, taken 2026-11-22 05:00:00Z, before blue's password was last set (2026-11-22 07:00:00Z)", result.Message, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --stack test --path 'slots.green.sourceBackupId' backup-blue00000009", result.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0), (harness.Account.Count("hsm.login") + harness.Account.Count("hsm.change-password"), harness.UserOf(Color.Green).FailedLogins, harness.Account.Count("secrets.put") - puts));
    }

    [Fact]
    public async Task BackupOlderThanEveryKnownServingCredentialWithNoNewerBackupSaysWhenOneIsDue()
    {
        var harness = await ChangedTwiceSinceGreensBackupAsync();

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.Contains("Fix: wait for the next backup of blue's cluster (CloudHSM takes one at least every 24 hours, expect one by 2026-11-23 07:00:00Z; none on request, but adding an HSM to the cluster makes one), then retire green", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ChangedPassword, result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetRestoredFromAnotherClustersBackupIsRefused()
    {
        var harness = new RotationHarness();
        var other = new FakeBackup(new BackupInfo("backup-other0000001", "cluster-other0000001", "READY", harness.Account.Clock.GetUtcNow().AddDays(-2), false), new Dictionary<string, string>());
        harness.Account.Backups[other.Info.BackupId] = other;
        harness.Account.RestoreFrom(Color.Green, other);

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.StartsWith("green's cluster cluster-green00000001 was restored from backup backup-other0000001 of cluster cluster-other0000001, not of blue's cluster cluster-blue00000001", result.Message, StringComparison.Ordinal);
        Assert.Contains("Fix: retire green ('hsm-rotate retire green --stack test')", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetWhoseSourceBackupIsGoneIsRefused()
    {
        var harness = new RotationHarness();
        harness.Account.Backups.Remove("backup-blue00000001"); // past the cluster's backup retention

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.StartsWith("green's cluster cluster-green00000001 was restored from backup backup-blue00000001, which no longer exists", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanningBackIntoTheOldSlotsReadClusterAfterAnUnretiredRotationIsRefused()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();

        var error = Assert.Throws<RotationInputException>(() => harness.Plan(Color.Green));

        Assert.Equal("slots.blue reads cluster cluster-jxhlf7644ne (clusterId), which was not restored from a backup of green's cluster, so its app_cu does not have green's password. Fix: retire blue ('hsm-rotate retire blue --stack test'), then restore it from a backup of green's cluster taken after its last password change: pulumi config set --stack test --path 'slots.blue.sourceBackupId' <backup id> (and its cryptoUser), then pulumi up.", error.Message);
    }

    [Fact]
    public async Task ReadClusterWhoseSubnetMappingLacksAConfiguredHsmSubnetIsRefused()
    {
        var harness = new RotationHarness();
        var blue = harness.Account.Outputs[Color.Blue].ClusterId;
        harness.Account.Clusters[blue] = harness.Account.Clusters[blue] with { SubnetMapping = new Dictionary<string, string> { ["eu-west-1a"] = "subnet-0a1b2c3d4e5f60718", ["eu-west-1c"] = "subnet-0c0c0c0c0c0c0c0c0" } };

        var result = await harness.RunAsync();

        Assert.Equal(RotationOutcome.BadInput, result.Outcome);
        Assert.Equal("hsmSubnets eu-west-1b: subnet-0a1b2c3d4e5f60719 not in the subnet mapping of blue's cluster cluster-blue00000001 (eu-west-1a: subnet-0a1b2c3d4e5f60718, eu-west-1c: subnet-0c0c0c0c0c0c0c0c0), which the stack reads (slots.blue.clusterId): CloudHSM adds an HSM only in a subnet of its cluster, so 'pulumi up' cannot add one there. Fix: list only the cluster's subnets under hsmSubnets (pulumi config set --stack test --path 'hsmSubnets.eu-west-1a' subnet-0a1b2c3d4e5f60718 and pulumi config set --stack test --path 'hsmSubnets.eu-west-1c' subnet-0c0c0c0c0c0c0c0c0; remove other zones with pulumi config rm --stack test --path 'hsmSubnets.<zone>'), then pulumi up.", result.Message);
    }

    [Fact]
    public async Task RetireNamesNoBackupTakenBeforeThePasswordChange()
    {
        var harness = new RotationHarness();
        harness.Account.TakeBackup(Color.Green, harness.Account.Clock.GetUtcNow(), "backup-greenbefore1");
        await RotatedAndDrainedAsync(harness);

        var result = await RetireOperation.RunAsync(harness.NewRun(), TimeSpan.FromMinutes(5), assumeDrained: false);

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.DoesNotContain("backup-greenbefore1", result.Message, StringComparison.Ordinal);
        Assert.Contains("No backup of green's cluster is newer than its last password change", result.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetireNamesTheNewestBackupTakenAfterThePasswordChange()
    {
        var harness = await RotatedAndDrainedAsync(new RotationHarness());
        harness.Account.TakeBackup(Color.Green, harness.Account.Clock.GetUtcNow(), "backup-greenafter01");

        var result = await RetireOperation.RunAsync(harness.NewRun(), TimeSpan.FromMinutes(5), assumeDrained: false);

        Assert.Contains("Next rotation: pulumi config set --stack test --path 'slots.blue.sourceBackupId' backup-greenafter01", result.Message, StringComparison.Ordinal);
    }

    /// <summary>Blue's password changed twice after green's backup: neither AWSCURRENT nor AWSPREVIOUS was current at backup time.</summary>
    private static async Task<RotationHarness> ChangedTwiceSinceGreensBackupAsync()
    {
        var harness = new RotationHarness();
        await harness.Account.ChangePasswordAsync(Color.Blue, "v-blue-2", ChangedPassword);
        harness.Account.Clock.Advance(TimeSpan.FromHours(1));
        await harness.Account.ChangePasswordAsync(Color.Blue, "v-blue-3", ChangedPassword + "-again");
        return harness;
    }

    /// <summary>A finished blue-to-green rotation, blue tagged for retire and drained for 10 minutes.</summary>
    private static async Task<RotationHarness> RotatedAndDrainedAsync(RotationHarness harness)
    {
        await harness.RunAsync();
        harness.Account.TagForRetire(Color.Blue);
        harness.Account.Clock.Advance(TimeSpan.FromMinutes(10));
        return harness;
    }
}
