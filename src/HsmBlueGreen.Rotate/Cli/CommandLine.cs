namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// The parsed arguments of one command: `--name value` options, `--flag` switches and positionals.
/// Commands declare which options take a value and which are switches, so a typo is an error, not ignored.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);
    private readonly HashSet<string> switches = new(StringComparer.Ordinal);
    private readonly List<string> positionals = [];

    private CommandLine()
    {
    }

    public IReadOnlyList<string> Positionals => positionals;

    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valueOptions, IReadOnlyCollection<string> switchOptions)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                line.positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            string? inline = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }

            if (switchOptions.Contains(name) && inline is null)
            {
                line.switches.Add(name);
            }
            else if (valueOptions.Contains(name))
            {
                var value = inline ?? (i + 1 < args.Count ? args[++i] : throw new UsageException($"--{name} needs a value."));
                if (!line.values.TryAdd(name, value))
                {
                    throw new UsageException($"--{name} is given twice; give it once.");
                }
            }
            else
            {
                var known = valueOptions.Concat(switchOptions).Select(o => "--" + o).Order(StringComparer.Ordinal);
                throw new UsageException($"unknown option '{arg}'. Options here: {string.Join(", ", known)}.");
            }
        }

        return line;
    }

    public string? Value(string name) => values.GetValueOrDefault(name);

    public string Required(string name) =>
        Value(name) ?? throw new UsageException($"--{name} is required.");

    public bool Has(string name) => switches.Contains(name);
}
