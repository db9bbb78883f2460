using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>The run's record in AWS: what a second machine needs to see and continue the run, written only by a run that holds the lease.</summary>
public sealed class RunRecordTests
{
    /// <summary>`status` and the live view say "step N of M" of the same step alike, whichever machine reads it.</summary>
    [Fact]
    public async Task TheRecordCountsEachStepAsTheRunsEventsDo()
    {
        var harness = new RotationHarness();
        await harness.RunAsync();
        var plan = harness.Plan();
        var record = RunRecord.For(plan, "run-x", DateTimeOffset.UnixEpoch);

        var started = harness.Events.Events.Where(e => e.Kind == EventKinds.StepStarted).ToList();

        Assert.NotEmpty(started);
        Assert.All(started, e =>
        {
            var index = plan.Steps.Select(s => s.Name).ToList().IndexOf(e.Step!);
            Assert.StartsWith($"{e.Field("index")} of {e.Field("of")}: {e.Step}", (record with { CurrentStepIndex = index }).Position, StringComparison.Ordinal);
        });
    }

    private const string GreenSecret = "arn:secret/green";

    private static readonly RotationOptions NonDefault = RotationOptions.Default with
    {
        Gates = RotationOptions.Default.Gates.With(g => g with
        {
            Threshold = g.Name == "latency" ? 0.8 : g.Threshold is null ? null : 0.30,
            MinRequests = g.MinRequests is null ? null : 50,
            ConsecutiveErrorLimit = g.Name == "hsm-login" ? 5 : g.ConsecutiveErrorLimit,
        }),
        HealthTimeout = TimeSpan.FromMinutes(9),
        PauseAt = 10,
    };

    private static RunRecord RecordOn(RotationHarness harness, string secret = GreenSecret) => RunRecordJson.Read(harness.Account.RunRecords[secret]);

    [Fact]
    public async Task APausedRunKeepsEveryLimitAndWhyAndSinceWhenItWaits()
    {
        var harness = new RotationHarness { Options = NonDefault };

        await harness.RunAsync();

        var record = RecordOn(harness);
        Assert.Equal(NonDefault with { ClientCount = harness.Plan().TargetClientCount }, record.Options);
        Assert.Equal(new RunPause("paused at 10% as asked (--pause-at)", harness.Account.Clock.GetUtcNow(), 10), record.Pause);
        Assert.Equal("pause-10", record.Steps[record.CurrentStepIndex]);
    }

    [Fact]
    public async Task ADryRunWritesNoRecord()
    {
        var harness = new RotationHarness { Options = NonDefault };

        await harness.RunAsync(dryRun: true);

        Assert.Equal(0, harness.Account.Count("records.write"));
        Assert.Empty(harness.Account.RunRecords);
    }

    [Fact]
    public async Task APromoteWithoutTheRunsOptionsJudgesWithTheRecordedLimits()
    {
        var harness = new RotationHarness { Options = NonDefault };
        await harness.RunAsync();
        harness.Options = RotationOptions.Default;
        harness.Metrics.FailAtPercent = 25; // a quarter of green's requests answer 5xx at 25%: over the default 1%, under the recorded 30%

        var result = await harness.ResumeFromRecordAsync(promote: true);

        Assert.Equal(RotationOutcome.Done, result.Outcome);
        Assert.Equal(100, harness.Account.TargetPercent(Color.Green));
    }

    [Fact]
    public async Task AChangedScheduleIsRefusedWithHowToChangeItOnPurpose()
    {
        var harness = new RotationHarness { Options = NonDefault };
        await harness.RunAsync();
        var changed = RotationPlan.For(harness.Settings, NonDefault with { Steps = WeightSchedule.Parse("10,100") }, Color.Blue);

        var refusal = RecordOn(harness).ResumeRefusal(changed, "test", rescheduleAllowed: false);

        Assert.NotNull(refusal);
        Assert.Contains("--reschedule", refusal, StringComparison.Ordinal);
        Assert.Contains("'hsm-rotate abort --stack test' and run again", refusal, StringComparison.Ordinal);
        Assert.Null(RecordOn(harness).ResumeRefusal(changed, "test", rescheduleAllowed: true));
        Assert.Null(RecordOn(harness).ResumeRefusal(harness.Plan(Color.Blue), "test", rescheduleAllowed: false));
    }

    [Fact]
    public async Task AnAbortedRunIsMarkedWithNoPauseLeftToPromote()
    {
        var harness = new RotationHarness { Options = NonDefault };
        await harness.RunAsync();

        await AbortOperation.RunAsync(harness.NewRun());

        var record = RecordOn(harness);
        Assert.Equal((true, null), (record.Aborted, record.Pause));
    }

    [Fact]
    public async Task AFinishedRunsRecordStandsAtDone()
    {
        var harness = new RotationHarness();

        await harness.RunAsync();

        var record = RecordOn(harness);
        Assert.True(record.Finished);
        Assert.Equal(("done", null), (record.Steps[record.CurrentStepIndex], record.Pause));
    }

    [Fact]
    public async Task AMaintenanceWindowRunRecordsWhenItsClientsWentDown()
    {
        var harness = RotationHarness.MaintenanceWindow();
        var start = harness.Account.Clock.GetUtcNow();
        await harness.CrashAfterAsync("quiesce");

        var record = RecordOn(harness, "arn:secret/blue");

        Assert.NotNull(record.ClientsDownAt);
        Assert.True(record.ClientsDownAt >= start);
    }
}
