using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>What every AWS-touching command shares: the settings, the ports, the journal and where events go.</summary>
internal sealed record RotationSession(CliContext Context, CommandLine Line, StackSettings Settings, RotationPorts Ports, JournalFile Journal, IRotationEvents Events)
{
    private RunRecord? record;
    private bool recordRead;

    public bool Json => Line.Has("json");

    /// <summary>Journals the AWS requests of the command; the run, once made, names them.</summary>
    public RequestJournal? Requests { get; init; }

    /// <param name="saved">The run record a resume, abort or status works from; null for a new run.</param>
    public RotationRun NewRun(RotationPlan plan, RunRecord? saved = null, bool loginFailureAcknowledged = false, int? promotedAt = null)
    {
        var run = new RotationRun(plan, Ports, Context.Clock, Journal, Events, saved?.RunId ?? Guid.NewGuid().ToString("N")[..12], Context.CancellationToken)
        {
            LoginFailureAcknowledged = loginFailureAcknowledged,
            PromotedAt = promotedAt,
            SavedRecord = saved,
        };
        Requests?.Attach(run);
        return run;
    }

    /// <summary>
    /// The stack's latest run record, read from AWS (the target slot's secret tags), so a second machine sees the run the
    /// first one started; cached for the command. Null when no run has written one.
    /// </summary>
    public async Task<RunRecord?> RecordAsync()
    {
        if (!recordRead)
        {
            record = await RunRecords.LatestAsync(Settings, Ports, Context.CancellationToken).ConfigureAwait(false);
            recordRead = true;
        }

        return record;
    }

    /// <summary>
    /// The recorded run's options (strategy, window, schedule, every gate limit) for verbs that take none themselves;
    /// without a record, the strategy the stack's layout implies (e.g. slots sharing a cluster: dual-user).
    /// </summary>
    public async Task<RotationOptions> LastRunOptionsAsync()
    {
        var saved = await RecordAsync().ConfigureAwait(false);
        var options = saved?.Options ?? RotationOptions.Default;
        return saved is null ? options with { StrategyKey = RotationStrategies.ImpliedBy(Settings).Key } : options;
    }

    /// <summary>The slot a rotation in progress goes from, as AWS shows it.</summary>
    public async Task<Core.Slots.Color> SourceAsync() =>
        await SlotRoles.SourceAsync(Settings, Ports, await RecordAsync().ConfigureAwait(false), Context.CancellationToken).ConfigureAwait(false);

    public static int ExitCode(RotationOutcome outcome) => outcome switch
    {
        RotationOutcome.Done => ExitCodes.Done,
        RotationOutcome.RolledBack => ExitCodes.FailedRolledBack,
        RotationOutcome.BadInput => ExitCodes.BadInput,
        _ => ExitCodes.NeedsOperator,
    };

    /// <summary>Ends a command: the outcome's line goes to stderr unless it is done (human output already showed it).</summary>
    public async Task<int> FinishAsync(RunResult result)
    {
        if (result.Outcome != RotationOutcome.Done)
        {
            await Context.Error.WriteLineAsync($"hsm-rotate: {result.Message}").ConfigureAwait(false);
        }

        return ExitCode(result.Outcome);
    }
}
