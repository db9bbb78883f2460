using System.CommandLine;
using System.CommandLine.Invocation;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// Parses with System.CommandLine (help, --version, [suggest] completions), refuses any parse error as one line with
/// exit 2, runs the verb, and sends every error through <see cref="ErrorMap"/>.
/// </summary>
public sealed class CliHost(IReadOnlyList<ICliCommand> commands)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var tree = new CommandTree(commands);

        // `hsm-rotate help [verb]` reads as `hsm-rotate [verb] --help`.
        IReadOnlyList<string> words = args.Count > 0 && args[0] == "help" ? [.. args.Skip(1), "--help"] : args;
        var result = tree.Root.Parse(words);
        var invocation = new InvocationConfiguration { Output = context.Out, Error = context.Error, EnableDefaultExceptionHandler = false };

        if (result.Action is { } builtIn && builtIn is not ParseErrorAction)
        {
            // --help, --version, [suggest]: System.CommandLine's own output.
            return await result.InvokeAsync(invocation, context.CancellationToken).ConfigureAwait(false);
        }

        var verb = tree.VerbOf(result.CommandResult.Command);
        if (result.Errors.Count > 0 && !(verb is null or { Subcommands.Count: > 0 } && result.UnmatchedTokens.Count == 0))
        {
            var refusal = ParseErrors.FirstLine(result);
            if (verb is RotationCommand { EndsWithEvent: true } && words.Contains("--json", StringComparer.Ordinal))
            {
                CommandEnding.Refused(verb.Name, refusal, context);
            }
            else
            {
                await context.Error.WriteLineAsync(refusal).ConfigureAwait(false);
            }

            return ExitCodes.BadInput;
        }

        if (verb is null or { Subcommands.Count: > 0 })
        {
            // No verb (or a group without its subcommand): the usage, on stderr since nothing ran.
            await tree.Root.Parse([.. words, "--help"]).InvokeAsync(new InvocationConfiguration { Output = context.Error, Error = context.Error }, context.CancellationToken).ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        var line = tree.LineFrom(result);
        try
        {
            return await verb.RunAsync(line, context).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            return await ErrorMap.ReportAsync(e, ParseErrors.Path(result.CommandResult.Command), verb, line, context).ConfigureAwait(false);
        }
    }
}
