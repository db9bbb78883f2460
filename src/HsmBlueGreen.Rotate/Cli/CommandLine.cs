namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// One verb's parsed arguments as the verb reads them: `--name value` options, `--flag` switches and bare arguments.
/// The host fills it from System.CommandLine's parse result, which has already refused anything undeclared.
/// </summary>
public sealed class CommandLine(IReadOnlyDictionary<string, string> values, IReadOnlySet<string> switches, IReadOnlyList<string> positionals)
{
    /// <summary>Nothing given: every option falls back to its default.</summary>
    public static CommandLine Empty { get; } = new(new Dictionary<string, string>(), new HashSet<string>(), []);

    public IReadOnlyList<string> Positionals => positionals;

    public string? Value(string name) => values.GetValueOrDefault(name);

    public string Required(string name) =>
        Value(name) ?? throw new UsageException($"--{name} is required.");

    public bool Has(string name) => switches.Contains(name);
}
