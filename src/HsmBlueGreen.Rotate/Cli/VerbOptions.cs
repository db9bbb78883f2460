namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// What one verb accepts, as data: options that take a value, switches, and the names of its bare arguments (none
/// means any bare word is an error). Help text, default and example come from <see cref="OptionHelp"/> by name, so
/// a new option is a name in a list here plus one line there; the parser is built from these declarations.
/// </summary>
public sealed record VerbOptions(IReadOnlyCollection<string> Values, IReadOnlyCollection<string> Switches, IReadOnlyList<string>? Arguments = null)
{
    public static VerbOptions None { get; } = new([], []);

    public IReadOnlyList<string> BareArguments => Arguments ?? [];

    public IEnumerable<string> All => Values.Concat(Switches);
}
