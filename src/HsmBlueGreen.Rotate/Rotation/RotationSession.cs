using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>What every AWS-touching command shares: the settings, the ports, the journal and where events go.</summary>
internal sealed record RotationSession(CliContext Context, CommandLine Line, StackSettings Settings, RotationPorts Ports, JournalFile Journal, IRotationEvents Events)
{
    public bool Json => Line.Has("json");

    /// <summary>Journals the AWS requests of the command; the run, once made, names them.</summary>
    public RequestJournal? Requests { get; init; }

    public RotationRun NewRun(RotationPlan plan, string? runId = null, bool loginFailureAcknowledged = false, int? promotedAt = null)
    {
        var run = new RotationRun(plan, Ports, Context.Clock, Journal, Events, runId ?? Guid.NewGuid().ToString("N")[..12], Context.CancellationToken)
        {
            LoginFailureAcknowledged = loginFailureAcknowledged,
            PromotedAt = promotedAt,
        };
        Requests?.Attach(run);
        return run;
    }

    /// <summary>
    /// The last run's options (strategy, window, schedule) from the journal, for verbs that take none themselves;
    /// without a journal, a stack whose slots share a cluster can only be dual-user.
    /// </summary>
    public RotationOptions LastRunOptions()
    {
        var fallback = JournalDefaults.From(Journal);
        var options = RotationArguments.Parse(CommandLine.Parse([], RotationArguments.ValueOptions, []), fallback);
        return fallback("strategy") is null && Settings.SlotsShareCluster ? options with { Strategy = Strategy.DualUser } : options;
    }

    /// <summary>The slot a rotation in progress goes from, as AWS shows it.</summary>
    public Task<Core.Slots.Color> SourceAsync() => SlotRoles.SourceAsync(Settings, Ports, Journal, Context.CancellationToken);

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
