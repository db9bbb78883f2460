using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// The System.CommandLine tree built from the verbs' declarations (<see cref="VerbOptions"/>): one command per verb,
/// a string option per value option (its value rule as a custom parser, so a bad value is a parse error), a bool
/// option per switch, and the declared bare arguments; and the way back from a parse result to a <see cref="CommandLine"/>.
/// </summary>
public sealed class CommandTree
{
    private readonly Dictionary<Command, Verb> verbs = [];

    public CommandTree(IReadOnlyList<ICliCommand> commands)
    {
        Root = new RootCommand("hsm-rotate: zero-downtime rotation of a CloudHSM crypto user's password by blue/green slots.");
        foreach (var command in commands)
        {
            Root.Add(Build(command));
        }

        Root.Add(Verbose);
        var help = Root.Options.OfType<HelpOption>().Single();
        help.Action = new HelpWithExamples(new HelpAction { MaxWidth = MaxHelpWidth }, this);
    }

    /// <summary>Help wraps at 100 columns whatever the terminal, so it reads the same in a pipe, a test and a shell.</summary>
    private const int MaxHelpWidth = 100;

    /// <summary>Every verb takes --verbose: the rotation verbs log every AWS call, and any verb's crash shows its detail.</summary>
    private Option<bool> Verbose { get; } = new("--verbose") { Description = OptionHelp.Describe(string.Empty, "verbose", takesValue: false), Arity = ArgumentArity.Zero, Recursive = true };

    public RootCommand Root { get; }

    public ICliCommand? VerbOf(Command command) => verbs.GetValueOrDefault(command)?.Command;

    /// <summary>The option names and bare argument names a command accepts, for suggestions.</summary>
    public static IEnumerable<string> OptionNames(Command command) =>
        command.Options.Concat(command.Parents.OfType<Command>().SelectMany(p => p.Options).Where(o => o.Recursive)).Where(o => !o.Hidden).Select(o => o.Name);

    public CommandLine LineFrom(ParseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var verb = verbs[result.CommandResult.Command];
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, option) in verb.Values)
        {
            if (result.GetResult(option) is { Implicit: false } && result.GetValue(option) is { } value)
            {
                values[name] = value;
            }
        }

        var switches = verb.Switches.Where(s => result.GetValue(s.Value)).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        if (result.GetValue(Verbose))
        {
            switches.Add("verbose");
        }

        var positionals = verb.Arguments.Select(result.GetValue).OfType<string>().ToList();
        return new CommandLine(values, switches, positionals);
    }

    private Command Build(ICliCommand command)
    {
        var node = new Command(command.Name, command.Summary);
        var verb = new Verb(command);
        foreach (var name in command.Options.Values)
        {
            var option = new Option<string>("--" + name)
            {
                Description = OptionHelp.Describe(command.Name, name, takesValue: true),
                HelpName = name,
                CustomParser = result => Checked(name, result),
            };
            verb.Values[name] = option;
            node.Add(option);
        }

        foreach (var name in command.Options.Switches.Where(s => s != "verbose"))
        {
            var option = new Option<bool>("--" + name) { Description = OptionHelp.Describe(command.Name, name, takesValue: false), Arity = ArgumentArity.Zero };
            verb.Switches[name] = option;
            node.Add(option);
        }

        foreach (var name in command.Options.BareArguments)
        {
            var argument = new Argument<string>(name) { Description = OptionHelp.For(command.Name, name).Description, Arity = ArgumentArity.ZeroOrOne };
            verb.Arguments.Add(argument);
            node.Add(argument);
        }

        foreach (var sub in command.Subcommands)
        {
            node.Add(Build(sub));
        }

        verbs[node] = verb;
        return node;
    }

    /// <summary>The option's value rule applied while parsing: a bad value is the parse error, in the rule's own words.</summary>
    private static string? Checked(string name, ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            var example = OptionHelp.For(string.Empty, name).Example;
            result.AddError($"--{name} needs a value{(example is null ? "." : $", e.g. --{name} {example}.")}");
            return null;
        }

        var value = result.Tokens[0].Value;
        if (RotationArguments.ValueRules.TryGetValue(name, out var rule))
        {
            try
            {
                rule(value);
            }
            catch (RotationInputException e)
            {
                result.AddError(e.Message);
                return null;
            }
        }

        return value;
    }

    /// <summary>System.CommandLine's help, then the verb's examples: one whole command line each.</summary>
    private sealed class HelpWithExamples(HelpAction help, CommandTree tree) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var exit = help.Invoke(parseResult);
            if (tree.VerbOf(parseResult.CommandResult.Command) is { Examples.Count: > 0 } verb)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var example in verb.Examples)
                {
                    output.WriteLine($"  {example}");
                }

                output.WriteLine();
            }

            return exit;
        }
    }

    private sealed record Verb(ICliCommand Command)
    {
        public Dictionary<string, Option<string>> Values { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Option<bool>> Switches { get; } = new(StringComparer.Ordinal);

        public List<Argument<string>> Arguments { get; } = [];
    }
}
