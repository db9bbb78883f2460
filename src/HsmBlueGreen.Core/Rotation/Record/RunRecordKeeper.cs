using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Plan;

namespace HsmBlueGreen.Core.Rotation.Record;

/// <summary>
/// Keeps the run's record in AWS up to date (through <see cref="Ports.IRunRecordStore"/>), on the target slot's secret
/// beside the lease. Written only while the run holds the lease, so a refused or dry run never writes one.
/// </summary>
internal static class RunRecordKeeper
{
    /// <summary>
    /// After the lease is taken: a fresh run starts a new record; a resume takes over the saved one (read from AWS if the
    /// command did not) with the options it runs with now, its pause lifted since the run carries on. Its step index
    /// carries over only for the same steps; a promote moves it past the step that paused.
    /// </summary>
    public static async Task BeginAsync(RotationRun run, StackObservation observed, RunMode mode)
    {
        var saved = mode == RunMode.Resume
            ? run.SavedRecord ?? await run.Ports.RunRecords.ReadAsync(observed.Target.SecretArn, run.CancellationToken).ConfigureAwait(false)
            : null;
        var fresh = RunRecord.For(run.Plan, run.RunId, run.Clock.GetUtcNow());
        var record = saved is null || saved.Aborted
            ? fresh
            : fresh with { StartedAt = saved.StartedAt, ClientsDownAt = saved.ClientsDownAt, CurrentStepIndex = CarriedIndex(run, saved, fresh) };
        run.SavedRecord = null;
        await SaveAsync(run, observed, record).ConfigureAwait(false);
    }

    /// <summary>
    /// The saved index counts in the saved steps: under a changed schedule (--reschedule) it means nothing, and every
    /// weight step then asks the listener afresh (0). A promote of the paused step counts that step as done.
    /// </summary>
    private static int CarriedIndex(RotationRun run, RunRecord saved, RunRecord fresh)
    {
        if (!string.Equals(saved.StepsHash, fresh.StepsHash, StringComparison.Ordinal))
        {
            return 0;
        }

        return saved.Pause is { } pause && run.PromotedAt == pause.Percent ? saved.CurrentStepIndex + 1 : saved.CurrentStepIndex;
    }

    /// <summary>Moves the record to a step the runner is about to apply (possibly back, when AWS shows a later step's work undone).</summary>
    public static Task StartingAsync(RotationRun run, StackObservation observed, RotationStep step) => MoveToAsync(run, observed, run.Plan.IndexOf(step));

    /// <summary>Moves the record past a step that completed: the only evidence a bake or a judgement leaves.</summary>
    public static Task CompletedAsync(RotationRun run, StackObservation observed, RotationStep step) => MoveToAsync(run, observed, run.Plan.IndexOf(step) + 1);

    private static Task MoveToAsync(RotationRun run, StackObservation observed, int index) =>
        run.SavedRecord is { } record && record.CurrentStepIndex != index
            ? SaveAsync(run, observed, record with { CurrentStepIndex = index })
            : Task.CompletedTask;

    /// <summary>Applies a change and writes it when it changed anything (a paused run, the clients' stop time, the end).</summary>
    public static Task UpdateAsync(RotationRun run, StackObservation observed, Func<RunRecord, RunRecord> change) =>
        run.SavedRecord is { } record && change(record) is var changed && changed != record
            ? SaveAsync(run, observed, changed)
            : Task.CompletedTask;

    /// <summary>Notes the time the new password is known to be on the target's cluster, once: the earliest note is the closest bound.</summary>
    public static Task PasswordChangedAsync(RotationRun run, StackObservation observed) =>
        UpdateAsync(run, observed, r => r.PasswordChangedBy is null ? r with { PasswordChangedBy = run.Clock.GetUtcNow() } : r);

    /// <summary>`abort`: the record says so, and a later resume refuses rather than shifting traffic again.</summary>
    public static async Task MarkAbortedAsync(RotationRun run, StackObservation observed)
    {
        var record = run.SavedRecord ?? await run.Ports.RunRecords.ReadAsync(observed.Target.SecretArn, run.CancellationToken).ConfigureAwait(false);
        if (record is { Aborted: false })
        {
            await SaveAsync(run, observed, record with { Aborted = true, Pause = null }).ConfigureAwait(false);
        }
    }

    private static async Task SaveAsync(RotationRun run, StackObservation observed, RunRecord record)
    {
        var secret = observed.Target.SecretArn;
        run.Call("record:write", $"run record on {secret}: step {record.Position}{(record.Pause is { } pause ? $", paused: {pause.Reason}" : string.Empty)}", new Dictionary<string, string> { ["resource"] = secret, ["runId"] = record.RunId, ["stepsHash"] = record.StepsHash });
        await run.Ports.RunRecords.WriteAsync(secret, record, run.CancellationToken).ConfigureAwait(false);
        run.SavedRecord = record;
    }
}
