using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;
using FakeBackup = HsmBlueGreen.Aws.Tests.Loopback.FakeBackup;

namespace HsmBlueGreen.Aws.Tests.Ports;

/// <summary>A cluster restored from a backup and its HSMs as DescribeClusters shows them while CloudHSM creates them.</summary>
public class ClusterCreationTests
{
    private static readonly Dictionary<string, string> OneZone = new() { ["eu-west-1a"] = "subnet-0a1b2c3d4e5f60718" };

    [Fact]
    public async Task ARestoredClusterIsCreateInProgressWithoutHsmsThenActiveWithoutInitialisation()
    {
        var clock = new FakeClock();
        FakeCluster? restored = null;
        await using var aws = LoopbackHarness.Start(a =>
        {
            a.Clock = clock;
            a.AddBackup(new FakeBackup("backup-abcdefghijk", Fixtures.BlueCluster, "READY", clock.GetUtcNow().AddDays(-1)));
            restored = a.RestoreCluster("backup-abcdefghijk", OneZone, new Dictionary<string, string>());
        });

        var creating = await aws.Ports.ClusterControl.DescribeClusterAsync(restored!.ClusterId, CancellationToken.None);
        clock.Advance(aws.Server.Account.ClusterCreationTime);
        var created = await aws.Ports.ClusterControl.DescribeClusterAsync(restored.ClusterId, CancellationToken.None);

        Assert.Equal((ClusterState.CreateInProgress, 0, "backup-abcdefghijk"), (creating!.State, creating.Hsms.Count, creating.SourceBackupId));
        Assert.Equal((ClusterState.Active, 0), (created!.State, created.Hsms.Count));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task AnHsmIsCreateInProgressInTheClustersSubnetForItsZoneThenActive()
    {
        var clock = new FakeClock();
        await using var aws = LoopbackHarness.Start(a => a.Clock = clock);
        var account = aws.Server.Account.AddBackup(new FakeBackup("backup-abcdefghijk", Fixtures.BlueCluster, "READY", clock.GetUtcNow()));
        var cluster = account.RestoreCluster("backup-abcdefghijk", OneZone, new Dictionary<string, string>());
        clock.Advance(account.ClusterCreationTime);
        var hsm = account.CreateHsm(cluster.ClusterId, "eu-west-1a");

        var creating = await aws.Ports.ClusterControl.DescribeClusterAsync(cluster.ClusterId, CancellationToken.None);
        clock.Advance(account.HsmCreationTime);
        var created = await aws.Ports.ClusterControl.DescribeClusterAsync(cluster.ClusterId, CancellationToken.None);

        Assert.Equal([new HsmStatus(hsm.HsmId, "eu-west-1a", "subnet-0a1b2c3d4e5f60718", HsmState.CreateInProgress)], creating!.Hsms);
        Assert.Equal([HsmState.Active], created!.Hsms.Select(h => h.State));
        aws.Server.AssertConforms();
    }

    [Fact]
    public void ARestoredClusterHoldsTheUsersAndPasswordsOfItsBackup()
    {
        var account = new FakeAwsAccount().AddBackup(new FakeBackup("backup-abcdefghijk", Fixtures.BlueCluster, "READY", DateTimeOffset.UnixEpoch) { Passwords = new Dictionary<string, string> { ["app_cu"] = "as-of-the-backup" } });

        var cluster = account.RestoreCluster("backup-abcdefghijk", OneZone, new Dictionary<string, string>());

        Assert.Equal("as-of-the-backup", cluster.Passwords["app_cu"]);
    }

    [Fact]
    public void NoHsmIsAddedToAClusterStillBeingCreated()
    {
        var account = new FakeAwsAccount { Clock = new FakeClock() }.AddBackup(new FakeBackup("backup-abcdefghijk", Fixtures.BlueCluster, "READY", DateTimeOffset.UnixEpoch));
        var cluster = account.RestoreCluster("backup-abcdefghijk", OneZone, new Dictionary<string, string>());

        var refused = Assert.Throws<AwsFault>(() => account.CreateHsm(cluster.ClusterId, "eu-west-1a"));

        Assert.Equal("CloudHsmInvalidRequestException", refused.Code);
    }

    [Fact]
    public void AClusterIsDeletedOnlyOnceItsHsmsAre()
    {
        var clock = new FakeClock();
        var account = new FakeAwsAccount { Clock = clock }.AddBackup(new FakeBackup("backup-abcdefghijk", Fixtures.BlueCluster, "READY", DateTimeOffset.UnixEpoch));
        var cluster = account.RestoreCluster("backup-abcdefghijk", OneZone, new Dictionary<string, string>());
        clock.Advance(account.ClusterCreationTime);
        var hsm = account.CreateHsm(cluster.ClusterId, "eu-west-1a");

        var refused = Assert.Throws<AwsFault>(() => account.DeleteCluster(cluster.ClusterId));
        account.DeleteHsm(cluster.ClusterId, hsm.HsmId);
        account.DeleteCluster(cluster.ClusterId);

        Assert.Equal(("CloudHsmInvalidRequestException", "DELETED"), (refused.Code, account.ClusterNow(cluster.ClusterId).State));
    }
}
