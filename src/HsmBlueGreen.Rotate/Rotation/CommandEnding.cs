using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// Every rotation verb ends with one `ended` event, in the journal and (with --json) on stdout, carrying the outcome
/// and the exit code, whether the run finished, stopped, was refused, failed or crashed: CI reads the last line.
/// The message is the run's own last word, else the first line the command wrote to stderr.
/// </summary>
internal sealed class CommandEnding
{
    private readonly string verb;
    private readonly bool json;
    private readonly FirstLineWriter error;
    private IRotationEvents? events;
    private IRotationJournal? journal;
    private RequestJournal? requests;
    private RotationEvent? last;
    private bool crashed;

    public CommandEnding(string verb, bool json, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        (this.verb, this.json) = (verb, json);
        error = new FirstLineWriter(context.Error);
        Context = context with { Error = error };
    }

    /// <summary>The command's context, its stderr watched for the first line.</summary>
    public CliContext Context { get; }

    /// <summary>Where the run's events go, watched for the run's own last word (finished or stopped); read-only verbs journal nothing.</summary>
    public IRotationEvents Observe(IRotationEvents inner, IRotationJournal? into, RequestJournal sent)
    {
        (events, journal, requests) = (inner, into, sent);
        return new Watching(inner, this);
    }

    public void Crashed() => crashed = true;

    /// <summary>A command line refused before the verb ran: with --json, CI still reads one `ended` event saying so.</summary>
    public static void Refused(string verb, string message, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ending = new CommandEnding(verb, json: true, context);
        ending.error.WriteLine(message);
        ending.Write(ExitCodes.BadInput);
    }

    /// <summary>Stops the live view, if any, before anything else goes to the terminal.</summary>
    public async Task StopViewAsync()
    {
        if (events is IAsyncDisposable view)
        {
            await view.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Write(int exit)
    {
        var outcome = crashed ? "Crashed" : last?.Field("outcome") ?? (last?.Kind == EventKinds.Finished ? nameof(RotationOutcome.Done) : FromExit(exit));
        var message = last?.Message ?? error.FirstLine?.Replace($"hsm-rotate {verb}: ", string.Empty, StringComparison.Ordinal) ?? outcome;
        var run = requests?.Run;
        var entry = new RotationEvent(Context.Clock.GetUtcNow(), run?.RunId ?? string.Empty, EventKinds.Ended, run?.CurrentStep, message, new Dictionary<string, string>
        {
            ["verb"] = verb,
            ["outcome"] = outcome,
            ["exitCode"] = exit.ToString(CultureInfo.InvariantCulture),
        });
        journal?.Append(entry);
        (events ?? (json ? new JsonEventWriter(Context.Out) : null))?.Emit(entry);
    }

    private static string FromExit(int exit) => exit switch
    {
        ExitCodes.Done => nameof(RotationOutcome.Done),
        ExitCodes.FailedRolledBack => nameof(RotationOutcome.RolledBack),
        ExitCodes.BadInput => nameof(RotationOutcome.BadInput),
        _ => nameof(RotationOutcome.NeedsOperator),
    };

    private sealed class Watching(IRotationEvents inner, CommandEnding ending) : IRotationEvents
    {
        public void Emit(RotationEvent entry)
        {
            if (entry.Kind is EventKinds.Finished or EventKinds.Stopped)
            {
                ending.last = entry;
            }

            inner.Emit(entry);
        }
    }
}
