using System.CommandLine;
using System.CommandLine.Parsing;
using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// The first parse error as one line naming the token and the fix (System.CommandLine's own handler prints the whole
/// help and exits 1; like GitVersion's argument parser, we map it). Unknown words get the nearest verb or option.
/// </summary>
public static class ParseErrors
{
    /// <summary>Dashes a document or chat pastes in place of '-': en dash, em dash, minus sign, horizontal bar.</summary>
    private static readonly char[] Dashes = ['-', '\u2013', '\u2014', '\u2212', '\u2015'];

    public static string FirstLine(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var command = result.CommandResult.Command;
        var where = Path(command);
        var first = result.Errors[0];
        if (result.UnmatchedTokens.Count > 0 && first.SymbolResult is null or CommandResult)
        {
            return $"{where}: {Unmatched(result.UnmatchedTokens[0], command)}";
        }

        if (first.SymbolResult is OptionResult { Tokens.Count: 0, Implicit: false } missing)
        {
            var name = missing.Option.Name.TrimStart('-');
            var example = OptionHelp.For(command.Name, name).Example;
            return $"{where}: --{name} needs a value{(example is null ? "." : $", e.g. --{name} {example}.")}";
        }

        return $"{where}: {first.Message}";
    }

    /// <summary>"hsm-rotate mfa sign" for the command the error is in.</summary>
    public static string Path(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var names = new List<string>();
        for (Symbol? symbol = command; symbol is Command c and not RootCommand; symbol = symbol.Parents.FirstOrDefault())
        {
            names.Insert(0, c.Name);
        }

        return string.Join(" ", ["hsm-rotate", .. names]);
    }

    private static string Unmatched(string token, Command command)
    {
        var help = $"See '{Path(command)} --help'.";
        if (token.Length > 1 && Dashes.Contains(token[0]))
        {
            var name = token.TrimStart(Dashes);
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            name = eq >= 0 ? name[..eq] : name;
            var options = CommandTree.OptionNames(command).Select(o => o.TrimStart('-')).ToList();
            if (!token.StartsWith("--", StringComparison.Ordinal) && options.Contains(name, StringComparer.Ordinal))
            {
                return $"'{token}' is not an option: options start with two ASCII hyphens. Fix: type --{name}.";
            }

            var nearest = KnownKeys.Nearest(name, options);
            return nearest is null
                ? $"unknown option '{token}'. {help}"
                : $"unknown option '{token}'; did you mean --{nearest}? {help}";
        }

        if (command.Subcommands.Count > 0)
        {
            var nearest = KnownKeys.Nearest(token, command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name));
            var what = command is RootCommand ? "command" : "subcommand";
            return nearest is null
                ? $"unknown {what} '{token}'. {help}"
                : $"unknown {what} '{token}'; did you mean '{nearest}'? {help}";
        }

        return $"unexpected argument '{token}': {command.Name} takes no more bare words. Fix: remove it, or name it with its option. {help}";
    }
}
