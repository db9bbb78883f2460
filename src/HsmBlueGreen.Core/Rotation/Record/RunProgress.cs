using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Record;

/// <summary>
/// What a watcher on any machine can tell of the stack's latest run from AWS alone: its record and whether its lease is
/// still held. A run holds the lease while it works and gives it up when it stops, so a record that is neither finished,
/// aborted nor paused under a free lease is a run that stopped (a crash, a rollback or an AWS error) and needs an operator.
/// </summary>
public sealed record RunProgress(RunRecord Record, bool LeaseHeld)
{
    /// <summary>How the run ended as far as AWS shows it; null while it is still working.</summary>
    public RotationOutcome? Ended => Record switch
    {
        { Aborted: true } => RotationOutcome.RolledBack,
        { Finished: true } => RotationOutcome.Done,
        { Pause: not null } => RotationOutcome.NeedsOperator,
        _ when !LeaseHeld => RotationOutcome.NeedsOperator,
        _ => null,
    };

    /// <summary>The record's lines as `status` prints them, without the limits (they do not change during a run).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Lines =>
    [
        .. RunRecordLines.Of(Record).Where(l => l.Key != "limits"),
        KeyValuePair.Create("lock", LeaseHeld ? "held by the run" : "free"),
    ];

    /// <summary>The line that says what an operator does next once the run has ended, or null while it works.</summary>
    public string? Advice(string stack) => Ended switch
    {
        RotationOutcome.Done => null,
        RotationOutcome.RolledBack => $"run {Record.RunId} was aborted: traffic is back on {Record.Source.Key()}.",
        RotationOutcome.NeedsOperator when Record.Pause is { } pause =>
            $"run {Record.RunId} is paused at {pause.Percent}%: continue with 'hsm-rotate promote --stack {stack}', or put it back with 'hsm-rotate abort --stack {stack}'.",
        RotationOutcome.NeedsOperator =>
            $"run {Record.RunId} stopped at {Record.Steps[Record.CurrentStepIndex]} without finishing; see why with 'hsm-rotate status --stack {stack}' (its journal is on the machine that ran it), then 'hsm-rotate resume --stack {stack}' or 'hsm-rotate abort --stack {stack}'.",
        _ => null,
    };

    /// <summary>The latest run's progress across both slots' secrets (each run keeps its record on its target's secret); null when no run wrote one.</summary>
    public static async Task<RunProgress?> ReadAsync(StackOutputs outputs, RotationPorts ports, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(ports);
        if (await RunRecords.LatestOnAsync(outputs, ports.RunRecords, cancellationToken).ConfigureAwait(false) is not { } found)
        {
            return null;
        }

        var lease = await ports.Lock.ReadAsync(found.SecretArn, cancellationToken).ConfigureAwait(false);
        return new RunProgress(found.Record, lease is not null && lease.RunId == found.Record.RunId && !lease.IsExpiredAt(now));
    }
}
