using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ports;

public class ClusterControlTests
{
    [Fact]
    public async Task AClusterIsDescribedWithItsHsms()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddCluster(Fixtures.Cluster(Fixtures.GreenCluster, sourceBackup: "backup-abcdefghijk2")));

        var cluster = await aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.GreenCluster, CancellationToken.None);

        Assert.NotNull(cluster);
        Assert.Equal((ClusterState.Active, "backup-abcdefghijk2", "sg-0123456789abcdef0"), (cluster.State, cluster.SourceBackupId, cluster.SecurityGroupId));
        Assert.Equal(
            [new HsmStatus("hsm-abcdefghijk2", "eu-west-1a", "subnet-0a1b2c3d4e5f60718", HsmState.Active), new HsmStatus("hsm-abcdefghijk3", "eu-west-1b", "subnet-0a1b2c3d4e5f60719", HsmState.Active)],
            cluster.Hsms);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task TheSubnetMappingIsReadZoneBySubnet()
    {
        var cluster = Fixtures.Cluster(Fixtures.BlueCluster) with { SubnetMapping = new Dictionary<string, string> { ["eu-west-1a"] = "subnet-0a1b2c3d4e5f60718", ["eu-west-1c"] = "subnet-0c1b2c3d4e5f60710" } };
        await using var aws = LoopbackHarness.Start(a => a.AddCluster(cluster));

        var described = await aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None);

        Assert.Equal(cluster.SubnetMapping, described!.SubnetMapping);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task ABackupIsFoundByIdWithTheClusterAndTimeItWasTaken()
    {
        var taken = new DateTimeOffset(2026, 11, 21, 3, 12, 0, TimeSpan.Zero);
        await using var aws = LoopbackHarness.Start(a => a
            .AddBackup(new FakeBackup("backup-abcdefghijk", Fixtures.BlueCluster, "READY", taken))
            .AddBackup(new FakeBackup("backup-zzzzzzzzzzz", Fixtures.GreenCluster, "READY", taken.AddDays(1))));

        var backup = await aws.Ports.ClusterControl.DescribeBackupAsync("backup-abcdefghijk", CancellationToken.None);
        var missing = await aws.Ports.ClusterControl.DescribeBackupAsync("backup-nnnnnnnnnnn", CancellationToken.None);

        Assert.Equal((Fixtures.BlueCluster, taken, true), (backup!.ClusterId, backup.CreatedAt, backup.IsReady));
        Assert.Null(missing);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task ClusterTagsAreRead()
    {
        var tagged = Fixtures.Cluster(Fixtures.BlueCluster) with { Tags = new Dictionary<string, string> { ["hsm-blue-green:slot-state"] = "retiring", ["hsm-blue-green:stack"] = "dev" } };
        await using var aws = LoopbackHarness.Start(a => a.AddCluster(tagged));

        var cluster = await aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None);

        Assert.Equal(("retiring", "dev"), (cluster!.Tags["hsm-blue-green:slot-state"], cluster.Tags["hsm-blue-green:stack"]));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task MultiWordStatesAreParsed()
    {
        await using var aws = LoopbackHarness.Start(a => a.AddCluster(Fixtures.Cluster(Fixtures.GreenCluster, state: "CREATE_IN_PROGRESS")));

        var cluster = await aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.GreenCluster, CancellationToken.None);

        Assert.Equal(ClusterState.CreateInProgress, cluster!.State);
    }

    [Fact]
    public async Task AnUnknownClusterIsNull()
    {
        await using var aws = LoopbackHarness.Start();

        Assert.Null(await aws.Ports.ClusterControl.DescribeClusterAsync(Fixtures.BlueCluster, CancellationToken.None));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task BackupsAreReadAcrossPagesNewestFirst()
    {
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
        await using var aws = LoopbackHarness.Start(a =>
        {
            a.PageSize = 2;
            foreach (var day in new[] { 3, 1, 4, 2, 5 })
            {
                a.AddBackup(new FakeBackup($"backup-abcdefghij{(char)('a' + day)}", Fixtures.BlueCluster, "READY", start.AddDays(day)));
            }

            a.AddBackup(new FakeBackup("backup-zzzzzzzzzzz", Fixtures.GreenCluster, "READY", start));
        });

        var backups = await aws.Ports.ClusterControl.DescribeBackupsAsync(Fixtures.BlueCluster, CancellationToken.None);

        Assert.Equal(["backup-abcdefghijf", "backup-abcdefghije", "backup-abcdefghijd", "backup-abcdefghijc", "backup-abcdefghijb"], backups.Select(b => b.BackupId));
        Assert.Equal(start.AddDays(5), backups[0].CreatedAt);
        Assert.Equal(3, aws.Server.CallsTo("DescribeBackups").Count());
        aws.Server.AssertConforms();
    }
}
