using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// The shape every rotation verb shares: load the stack's settings, build the ports, run, map the outcome to an exit
/// code. Errors go through the host's <see cref="ErrorMap"/>; this verb supplies the next step after a stop.
/// </summary>
internal abstract class RotationCommand(RotationPortsFactory ports) : ICliCommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    protected virtual IReadOnlyCollection<string> ValueOptions => ["stack"];

    protected virtual IReadOnlyCollection<string> Switches => ["json", "verbose"];

    /// <summary>Every option the verb takes, by name without dashes (scripts and workflows are checked against it).</summary>
    internal IReadOnlyCollection<string> DeclaredOptions => [.. ValueOptions, .. Switches];

    /// <summary>Read-only commands (status) have nothing to resume or abort when AWS refuses them.</summary>
    protected virtual bool ChangesState => true;

    /// <summary>Verbs whose every ending, a refused command line included, is an `ended` event (run, resume, promote, abort, retire...).</summary>
    internal bool EndsWithEvent => ChangesState && NeedsPorts;

    /// <summary>Offline commands (plan) never build the ports.</summary>
    protected virtual bool NeedsPorts => true;

    public VerbOptions Options => new(ValueOptions, Switches, BareArguments);

    public virtual IReadOnlyList<string> Examples => [$"hsm-rotate {Name} --stack dev"];

    /// <summary>run, resume and promote: a live view on a terminal.</summary>
    protected virtual bool ShowsLiveView => false;

    /// <summary>Names of the bare words the verb takes (retire's slot); none by default.</summary>
    protected virtual IReadOnlyList<string> BareArguments => [];

    /// <summary>After AWS stopped, an interrupt or a crash: status, then resume or abort; nothing for read-only verbs or a dry run.</summary>
    public virtual string? AfterStop(CommandLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var stack = line.Value("stack");
        if (!ChangesState || stack is null)
        {
            return null;
        }

        return line.Has("dry-run")
            ? "A dry run changes nothing: there is nothing to resume or abort; run it again once fixed."
            : $"AWS holds the state: check with 'hsm-rotate status --stack {stack}', then 'hsm-rotate resume --stack {stack}' or 'hsm-rotate abort --stack {stack}'.";
    }

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        var stack = line.Required("stack");
        if (!NeedsPorts)
        {
            return await RunParsedAsync(line, stack, context, null).ConfigureAwait(false);
        }

        // Every way out of a verb that touches AWS, errors included, ends with one `ended` event carrying the exit code,
        // so the error goes through the host's one map here rather than after the event is written.
        var ending = new CommandEnding(Name, line.Has("json"), context);
        var exit = ExitCodes.NeedsOperator;
        try
        {
            exit = await RunParsedAsync(line, stack, ending.Context, ending).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            exit = await ErrorMap.ReportAsync(e, $"hsm-rotate {Name}", this, line, ending.Context).ConfigureAwait(false);
            if (exit == ExitCodes.Crashed)
            {
                ending.Crashed();
            }
        }
        finally
        {
            // A read-only verb (status) is no run: its own output is the report.
            if (ChangesState)
            {
                ending.Write(exit);
            }
        }

        return exit;
    }

    private async Task<int> RunParsedAsync(CommandLine line, string stack, CliContext context, CommandEnding? ending)
    {
        Validate(line);
        var (settings, directory) = StackLoader.Load(context, stack);
        if (!NeedsPorts)
        {
            return await ExecuteOfflineAsync(line, context, settings).ConfigureAwait(false);
        }

        // Status only reads: its requests stay out of the run's journal (a watch would fill it).
        var requests = new RequestJournal(context.Clock);
        var portsContext = ChangesState ? context with { AwsRequests = requests.Sent } : context;
        var journal = new JournalFile(directory, stack);
        var events = ending!.Observe(Events(line, context), ChangesState ? journal : null, requests);
        requests.Open(journal, events);
        var session = new RotationSession(context, line, settings, ports(portsContext, settings), journal, events) { Requests = requests };
        try
        {
            return await ExecuteAsync(session).ConfigureAwait(false);
        }
        finally
        {
            await ending.StopViewAsync().ConfigureAwait(false);
        }
    }

    /// <summary>--json: one JSON event per line; a terminal: the live view (run, resume, promote); else timestamped lines.</summary>
    private IRotationEvents Events(CommandLine line, CliContext context)
    {
        var verbose = line.Has("verbose");
        if (line.Has("json"))
        {
            return new JsonEventWriter(context.Out);
        }

        var console = HumanEventWriter.Create(context.Out, context.IsTerminal);
        return ShowsLiveView && context.IsTerminal ? new View.LiveEventWriter(console, verbose, context.Clock) : new HumanEventWriter(console, verbose);
    }

    /// <summary>Checks option combinations before anything is read.</summary>
    protected virtual void Validate(CommandLine line)
    {
    }

    protected virtual Task<int> ExecuteOfflineAsync(CommandLine line, CliContext context, Core.Settings.StackSettings settings) =>
        throw new NotSupportedException($"{Name} needs AWS");

    protected abstract Task<int> ExecuteAsync(RotationSession session);
}
