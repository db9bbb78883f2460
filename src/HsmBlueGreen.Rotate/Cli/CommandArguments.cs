using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>Option values checked against the shape AWS or Pulumi requires, failing as a usage error that shows an example.</summary>
public static class CommandArguments
{
    public static string Checked(CommandLine line, string option, IdRule rule, string? fallback = null)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(rule);
        var value = fallback is null ? line.Required(option) : line.Value(option) ?? fallback;
        return rule.Matches(value)
            ? value
            : throw new UsageException($"--{option} '{value}' is not {rule.Description}; give e.g. --{option} {rule.Example}.");
    }
}
