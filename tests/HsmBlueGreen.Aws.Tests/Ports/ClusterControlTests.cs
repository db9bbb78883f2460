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
            [new HsmStatus("hsm-abcdefghijk2", "eu-west-1a", "subnet-0aaa1111", HsmState.Active), new HsmStatus("hsm-abcdefghijk3", "eu-west-1b", "subnet-0bbb2222", HsmState.Active)],
            cluster.Hsms);
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
