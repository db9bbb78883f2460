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

    /// <summary>Every option the verb takes, by name without dashes (scripts and workflows are checked against it).</summary>
    internal IReadOnlyCollection<string> DeclaredOptions => [.. ValueOptions, .. Switches];

    /// <summary>Read-only commands (status) have nothing to resume or abort when AWS refuses them.</summary>
    protected virtual bool ChangesState => true;

    /// <summary>Offline commands (plan) never build the ports.</summary>
    protected virtual bool NeedsPorts => true;

    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        var line = CommandLine.Parse(args, ValueOptions, Switches);
        var stack = line.Required("stack");
        try
        {
            Validate(line);
            var (settings, directory) = StackLoader.Load(context, stack);
            if (!NeedsPorts)
            {
                return await ExecuteOfflineAsync(line, context, settings).ConfigureAwait(false);
            }

            IRotationEvents events = line.Has("json") ? new JsonEventWriter(context.Out) : new HumanEventWriter(context.Out, line.Has("verbose"));
            var session = new RotationSession(context, line, settings, ports(context, settings), new JournalFile(directory, stack), events);
            return await ExecuteAsync(session).ConfigureAwait(false);
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
            // Unexpected: full detail for the operator (messages never carry secrets), and a code that is not "rolled back".
            await context.Error.WriteLineAsync($"hsm-rotate {Name}: crashed: {(line.Has("verbose") ? e.ToString() : $"{e.GetType().Name}: {e.Message}")}").ConfigureAwait(false);
            await context.Error.WriteLineAsync($"hsm-rotate {Name}: every step is safe to re-run: 'hsm-rotate status --stack {stack}', then 'hsm-rotate resume --stack {stack}'.").ConfigureAwait(false);
            return ExitCodes.NeedsOperator;
        }
    }

    /// <summary>Checks option combinations before anything is read.</summary>
    protected virtual void Validate(CommandLine line)
    {
    }

    protected virtual Task<int> ExecuteOfflineAsync(CommandLine line, CliContext context, Core.Settings.StackSettings settings) =>
        throw new NotSupportedException($"{Name} needs AWS");

    protected abstract Task<int> ExecuteAsync(RotationSession session);
}
