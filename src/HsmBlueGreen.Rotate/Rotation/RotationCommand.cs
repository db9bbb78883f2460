using HsmBlueGreen.Aws;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>
/// The shape every rotation verb shares: parse, load the stack's settings, build the ports, run, map the outcome to
/// an exit code. Expected errors print one line (exit 2 for input, 3 when interrupted); a crash prints its detail.
/// </summary>
internal abstract class RotationCommand(RotationPortsFactory ports) : ICliCommand
{
    public abstract string Name { get; }

    public abstract string Summary { get; }

    protected virtual IReadOnlyCollection<string> ValueOptions => ["stack"];

    protected virtual IReadOnlyCollection<string> Switches => ["json", "verbose"];

    /// <summary>Read-only commands (status) have nothing to resume or abort when AWS refuses them.</summary>
    protected virtual bool ChangesState => true;

    /// <summary>Offline commands (plan) never build the ports.</summary>
    protected virtual bool NeedsPorts => true;

    /// <summary>run, resume and promote: a live view on a terminal.</summary>
    protected virtual bool ShowsLiveView => false;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var line = CommandLine.Parse(args, ValueOptions, Switches);
        var stack = line.Required("stack");
        if (!NeedsPorts)
        {
            return await RunParsedAsync(line, stack, context, null).ConfigureAwait(false);
        }

        var ending = new CommandEnding(Name, line.Has("json"), context);
        var exit = ExitCodes.NeedsOperator;
        try
        {
            exit = await RunParsedAsync(line, stack, ending.Context, ending).ConfigureAwait(false);
            return exit;
        }
        catch (UsageException)
        {
            exit = ExitCodes.BadInput;
            throw;
        }
        finally
        {
            // A read-only verb (status) is no run: its own output is the report.
            if (ChangesState)
            {
                ending.Write(exit);
            }
        }
    }

    private async Task<int> RunParsedAsync(CommandLine line, string stack, CliContext context, CommandEnding? ending)
    {
        try
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
        catch (ConfigException e)
        {
            foreach (var error in e.Lines(ProjectNamespace.Name))
            {
                await context.Error.WriteLineAsync($"hsm-rotate {Name}: {error}").ConfigureAwait(false);
            }

            return ExitCodes.BadInput;
        }
        catch (Exception e) when (e is RotationInputException or PortsUnavailableException)
        {
            await context.Error.WriteLineAsync($"hsm-rotate {Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (AwsConfigurationException e)
        {
            await context.Error.WriteLineAsync($"hsm-rotate {Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
        catch (AdapterException e)
        {
            // AWS or pulumi refused or failed: the message says what and where; every step is safe to re-run once fixed.
            await context.Error.WriteLineAsync($"hsm-rotate {Name}: {e.Message}").ConfigureAwait(false);
            if (!ChangesState)
            {
                return ExitCodes.NeedsOperator;
            }

            await context.Error.WriteLineAsync($"hsm-rotate {Name}: stopped. Check with 'hsm-rotate status --stack {stack}', then 'hsm-rotate resume --stack {stack}' or 'hsm-rotate abort --stack {stack}'.").ConfigureAwait(false);
            return ExitCodes.NeedsOperator;
        }
        catch (OperationCanceledException) when (context.CancellationToken.IsCancellationRequested)
        {
            await context.Error.WriteLineAsync($"hsm-rotate {Name}: interrupted. AWS holds the state: 'hsm-rotate status --stack {stack}', then 'hsm-rotate resume --stack {stack}' or 'hsm-rotate abort --stack {stack}'.").ConfigureAwait(false);
            return ExitCodes.NeedsOperator;
        }
        catch (Exception e) when (e is not UsageException)
        {
            ending?.Crashed();
            // Unexpected: full detail for the operator (messages never carry secrets), and a code that is not "rolled back".
            await context.Error.WriteLineAsync($"hsm-rotate {Name}: crashed: {(line.Has("verbose") ? e.ToString() : $"{e.GetType().Name}: {e.Message}")}").ConfigureAwait(false);
            await context.Error.WriteLineAsync($"hsm-rotate {Name}: every step is safe to re-run: 'hsm-rotate status --stack {stack}', then 'hsm-rotate resume --stack {stack}'.").ConfigureAwait(false);
            return ExitCodes.NeedsOperator;
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
