using System.Globalization;
using System.Text.Json;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation.View;

/// <summary>
/// `status --watch` for a run this machine has no journal of (started elsewhere, e.g. by the scheduled workflow): follows
/// the run record and lease in AWS, printing each line of the record that changed, until the run finishes, pauses, is
/// aborted or stops; then exits with the code the run would have. Coarser than the journal (steps, not events), since
/// AWS keeps only the record.
/// </summary>
internal static class RecordWatch
{
    /// <summary>Each poll reads both slots' secret tags and the lease: four cheap reads, well under Secrets Manager's rate limits.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    public const string NoRun = "hsm-rotate status: no run to watch: this project's journal has none, and neither slot's secret holds a run record in AWS.";

    public static async Task<int> FollowAsync(RotationSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        var context = session.Context;
        var stack = session.Settings.Stack;
        var outputs = await session.Ports.Stack.GetOutputsAsync(stack, context.CancellationToken).ConfigureAwait(false);
        Dictionary<string, string>? shown = null;
        try
        {
            while (true)
            {
                if (await RunProgress.ReadAsync(outputs, session.Ports, context.Clock.GetUtcNow(), context.CancellationToken).ConfigureAwait(false) is not { } progress)
                {
                    await context.Error.WriteLineAsync(NoRun).ConfigureAwait(false);
                    return ExitCodes.Done;
                }

                if (shown is null && !session.Json)
                {
                    await context.Out.WriteLineAsync($"following run {progress.Record.RunId} from its record in AWS (this machine has no journal of it), every {Interval.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s").ConfigureAwait(false);
                }

                shown = await WriteChangesAsync(session, progress, shown).ConfigureAwait(false);
                if (progress.Ended is { } outcome)
                {
                    if (progress.Advice(stack) is { } advice)
                    {
                        await context.Error.WriteLineAsync($"hsm-rotate: {advice}").ConfigureAwait(false);
                    }

                    return RotationSession.ExitCode(outcome);
                }

                await Task.Delay(Interval, context.Clock, context.CancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            // The watcher stopped, not the run.
            return ExitCodes.Done;
        }
    }

    /// <summary>Writes the lines that differ from what was shown (all of them the first time); with --json, the whole record as one status object.</summary>
    private static async Task<Dictionary<string, string>> WriteChangesAsync(RotationSession session, RunProgress progress, Dictionary<string, string>? shown)
    {
        var now = progress.Lines.ToDictionary(l => l.Key, l => l.Value, StringComparer.Ordinal);
        var changed = progress.Lines.Where(l => shown is null || !shown.TryGetValue(l.Key, out var before) || before != l.Value).ToList();
        if (changed.Count == 0)
        {
            return now;
        }

        var output = session.Context.Out;
        if (session.Json)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new StatusJson("record", now), EventJson.Default.StatusJson)).ConfigureAwait(false);
            return now;
        }

        var stamp = session.Context.Clock.GetUtcNow().ToString("HH:mm:ss", CultureInfo.InvariantCulture);
        foreach (var (key, value) in changed)
        {
            await output.WriteLineAsync($"{stamp} {key}: {value}").ConfigureAwait(false);
        }

        return now;
    }
}
