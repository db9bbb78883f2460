using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation.View;

/// <summary>
/// `status --watch` for a run made on this machine: follows the journal's last run, passing each new event to the same writer a run uses (the live view
/// on a terminal, timestamped lines elsewhere, JSON with --json), until that run's `ended` event, then exits with the
/// run's exit code. Polls on the command's clock; Ctrl-C stops watching, not the run.
/// </summary>
internal static class JournalWatch
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    public static async Task<int> FollowAsync(IRotationJournal journal, IRotationEvents events, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(context);
        var shown = 0;
        string? runId = null;
        try
        {
            while (true)
            {
                var all = journal.ReadAll();
                var start = LastRunStart(all);
                if (start < 0)
                {
                    await context.Error.WriteLineAsync(RecordWatch.NoRun).ConfigureAwait(false);
                    return ExitCodes.Done;
                }

                if (all[start].RunId != runId)
                {
                    (runId, shown) = (all[start].RunId, start);
                }

                foreach (var entry in all.Skip(shown))
                {
                    events.Emit(entry);
                    if (entry.Kind == EventKinds.Ended)
                    {
                        return int.TryParse(entry.Field("exitCode"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var exit) ? exit : ExitCodes.Done;
                    }
                }

                shown = all.Count;
                await Task.Delay(Interval, context.Clock, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher stopped, not the run: nothing to resume, nothing wrong.
            return ExitCodes.Done;
        }
    }

    /// <summary>The run id of the journal's last run, or null when it holds none.</summary>
    public static string? LastRunId(IRotationJournal journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        var all = journal.ReadAll();
        return LastRunStart(all) is var start and >= 0 ? all[start].RunId : null;
    }

    /// <summary>The last run's first event: a resume or promote continues the same run id, so the view keeps its history.</summary>
    private static int LastRunStart(IReadOnlyList<RotationEvent> all)
    {
        var last = -1;
        for (var i = all.Count - 1; i >= 0; i--)
        {
            if (all[i].Kind == EventKinds.RunStarted)
            {
                last = i;
                break;
            }
        }

        return last;
    }
}
