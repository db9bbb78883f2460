using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Tests.Ports;

public class RotationLockTests
{
    private const string Secret = "hsm-dev-blue-crypto-user";
    private static readonly DateTimeOffset Later = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly RotationLease Mine = new("run-2", "arn:aws:sts::123456789012:assumed-role/ops/me", Later);

    private static LoopbackHarness Start() => LoopbackHarness.Start(a => a.AddSecret(Secret));

    [Fact]
    public async Task AFreeLockIsTakenAndReadBack()
    {
        await using var aws = Start();

        var lease = await aws.Ports.RotationLock.TryAcquireAsync(Secret, Mine, CancellationToken.None);

        Assert.Equal(Mine.RunId, lease.RunId);
        Assert.Equal(Mine.ExpiresAt.ToUnixTimeSeconds(), lease.ExpiresAt.ToUnixTimeSeconds());
        Assert.Equal(Mine.Owner, (await aws.Ports.RotationLock.ReadAsync(Secret, CancellationToken.None))!.Owner);
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task ALiveLeaseOfAnotherRunIsReturnedAndNotOverwritten()
    {
        await using var aws = Start();
        var theirs = new RotationLease("run-1", "ci", Later);
        await aws.Ports.RotationLock.TryAcquireAsync(Secret, theirs, CancellationToken.None);

        var lease = await aws.Ports.RotationLock.TryAcquireAsync(Secret, Mine, CancellationToken.None);

        Assert.Equal("run-1", lease.RunId);
        Assert.Single(aws.Server.CallsTo("TagResource"));
    }

    [Fact]
    public async Task AnExpiredLeaseIsTakenOver()
    {
        await using var aws = Start();
        await aws.Ports.RotationLock.TryAcquireAsync(Secret, new RotationLease("run-1", "ci", new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero)), CancellationToken.None);

        var lease = await aws.Ports.RotationLock.TryAcquireAsync(Secret, Mine, CancellationToken.None);

        Assert.Equal("run-2", lease.RunId);
    }

    [Fact]
    public async Task ReleaseRemovesOnlyTheCallersOwnLease()
    {
        await using var aws = Start();
        await aws.Ports.RotationLock.TryAcquireAsync(Secret, new RotationLease("run-1", "ci", Later), CancellationToken.None);

        await aws.Ports.RotationLock.ReleaseAsync(Secret, "run-2", CancellationToken.None);
        var stillHeld = await aws.Ports.RotationLock.ReadAsync(Secret, CancellationToken.None);
        await aws.Ports.RotationLock.ReleaseAsync(Secret, "run-1", CancellationToken.None);

        Assert.Equal("run-1", stillHeld!.RunId);
        Assert.Null(await aws.Ports.RotationLock.ReadAsync(Secret, CancellationToken.None));
        aws.Server.AssertConforms();
    }
}
