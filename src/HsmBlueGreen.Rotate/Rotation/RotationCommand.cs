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

    /// <summary>Offline commands (plan) never build the ports.</summary>
    protected virtual bool NeedsPorts => true;

    public VerbOptions Options => new(ValueOptions, Switches, BareArguments);

    public virtual IReadOnlyList<string> Examples => [$"hsm-rotate {Name} --stack dev"];

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

    /// <summary>Checks option combinations before anything is read.</summary>
    protected virtual void Validate(CommandLine line)
    {
    }

    protected virtual Task<int> ExecuteOfflineAsync(CommandLine line, CliContext context, Core.Settings.StackSettings settings) =>
        throw new NotSupportedException($"{Name} needs AWS");

    protected abstract Task<int> ExecuteAsync(RotationSession session);
}
