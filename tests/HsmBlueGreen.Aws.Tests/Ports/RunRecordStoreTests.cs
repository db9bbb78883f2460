using HsmBlueGreen.Aws.SecretsManager;
using HsmBlueGreen.Aws.Tests.Support;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Aws.Tests.Ports;

/// <summary>The run record on the target secret's tags: within the documented tag limits, read back whole, beside the lease.</summary>
public class RunRecordStoreTests
{
    private const string Secret = "hsm-dev-green-crypto-user";
    private static readonly DateTimeOffset Started = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    private static LoopbackHarness Start() => LoopbackHarness.Start(a => a.AddSecret(Secret));

    private static RunRecord Record(string steps = "10,25,50,100") => new(
        "run-7",
        Color.Blue,
        Color.Green,
        RotationOptions.Default with
        {
            Steps = WeightSchedule.Parse(steps),
            Gates = RotationOptions.Default.Gates.With(g => g with
            {
                Threshold = g.Name == "latency" ? 0.75 : g.Threshold is null ? null : 0.30,
                MinRequests = g.MinRequests is null ? null : 25,
                ConsecutiveErrorLimit = g.Name == "hsm-login" ? 5 : g.ConsecutiveErrorLimit,
                Judged = g.Name == "latency" ? Core.Rotation.Gates.GateTiming.EveryBakeTick : g.Judged,
            }),
            HealthTimeout = TimeSpan.FromMinutes(7),
            PauseAt = 10,
            SmokePath = "/health/hsm",
            ClientCount = 3,
        },
        ["preflight", .. WeightSchedule.Parse(steps).Percents.Select(p => $"shift-{p}"), "done"],
        "0123456789abcdef",
        1,
        Started)
    {
        Pause = new RunPause("paused at 10% as asked (--pause-at)", Started.AddMinutes(20), 10),
    };

    [Fact]
    public async Task ARecordIsReadBackWithEveryOptionAndGateLimit()
    {
        await using var aws = Start();
        var record = Record();

        await aws.Ports.RunRecords.WriteAsync(Secret, record, CancellationToken.None);
        var read = await aws.Ports.RunRecords.ReadAsync(Secret, CancellationToken.None);

        Assert.Equal(record.Options, read!.Options);
        Assert.Equal(record.Steps, read.Steps);
        Assert.Equal((record.StepsHash, record.CurrentStepIndex, record.Pause, record.StartedAt), (read.StepsHash, read.CurrentStepIndex, read.Pause, read.StartedAt));
        aws.Server.AssertConforms();
    }

    [Fact]
    public async Task ARecordLongerThanOneTagValueIsSplitOverSeveralTags()
    {
        await using var aws = Start();
        var record = Record(string.Join(",", Enumerable.Range(1, 100)));

        await aws.Ports.RunRecords.WriteAsync(Secret, record, CancellationToken.None);

        var parts = aws.Account.Secret(Secret).Tags.Keys.Count(k => k.StartsWith(SecretTagRunRecordStore.PartPrefix, StringComparison.Ordinal));
        Assert.True(parts > 1, $"{parts} part(s)");
        Assert.Equal(record.Steps, (await aws.Ports.RunRecords.ReadAsync(Secret, CancellationToken.None))!.Steps);
    }

    [Fact]
    public async Task AShorterRecordRemovesThePartsOfTheLongerOneBefore()
    {
        await using var aws = Start();
        await aws.Ports.RunRecords.WriteAsync(Secret, Record(string.Join(",", Enumerable.Range(1, 100))), CancellationToken.None);

        await aws.Ports.RunRecords.WriteAsync(Secret, Record(), CancellationToken.None);

        var tags = aws.Account.Secret(Secret).Tags;
        Assert.Equal(tags[SecretTagRunRecordStore.CountKey], tags.Keys.Count(k => k.StartsWith(SecretTagRunRecordStore.PartPrefix, StringComparison.Ordinal)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(Record().Steps, (await aws.Ports.RunRecords.ReadAsync(Secret, CancellationToken.None))!.Steps);
    }

    [Fact]
    public async Task TheRecordAndTheLeaseShareTheSecretWithoutTouchingEachOther()
    {
        await using var aws = Start();
        await aws.Ports.RotationLock.TryAcquireAsync(Secret, new RotationLease("run-7", "ci", Started.AddYears(100)), CancellationToken.None);

        await aws.Ports.RunRecords.WriteAsync(Secret, Record(), CancellationToken.None);
        await aws.Ports.RotationLock.ReleaseAsync(Secret, "run-7", CancellationToken.None);

        Assert.Null(await aws.Ports.RotationLock.ReadAsync(Secret, CancellationToken.None));
        Assert.Equal("run-7", (await aws.Ports.RunRecords.ReadAsync(Secret, CancellationToken.None))!.RunId);
    }

    [Fact]
    public async Task ASecretWithoutARecordReadsAsNone()
    {
        await using var aws = Start();

        Assert.Null(await aws.Ports.RunRecords.ReadAsync(Secret, CancellationToken.None));
    }

    [Fact]
    public void TheRecordTagKeysAreOnesThePolicyAllows()
    {
        var prefix = OperationCatalogue.SecretsManager.LockTagKeys.TrimEnd('*');

        Assert.All([SecretTagRunRecordStore.CountKey, SecretTagRunRecordStore.PartPrefix + "0"], key => Assert.StartsWith(prefix, key, StringComparison.Ordinal));
    }
}
