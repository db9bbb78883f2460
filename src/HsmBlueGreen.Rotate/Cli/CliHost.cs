namespace HsmBlueGreen.Rotate.Cli;

/// <summary>Dispatches to a command and turns expected errors into one line and an exit code.</summary>
public sealed class CliHost(IReadOnlyList<ICliCommand> commands)
{
    public async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context)
    {
        if (args.Count == 0 || args[0] is "help" or "--help" or "-h")
        {
            await WriteUsageAsync(context.Out).ConfigureAwait(false);
            return args.Count == 0 ? ExitCodes.BadInput : ExitCodes.Done;
        }

        var command = commands.FirstOrDefault(c => string.Equals(c.Name, args[0], StringComparison.Ordinal));
        if (command is null)
        {
            await context.Error.WriteLineAsync($"hsm-rotate: unknown command '{args[0]}'. Run 'hsm-rotate help' for the list.").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }

        try
        {
            return await command.RunAsync(args.Skip(1).ToList(), context).ConfigureAwait(false);
        }
        catch (UsageException e)
        {
            await context.Error.WriteLineAsync($"hsm-rotate {command.Name}: {e.Message}").ConfigureAwait(false);
            return ExitCodes.BadInput;
        }
    }

    private async Task WriteUsageAsync(TextWriter output)
    {
        await output.WriteLineAsync("usage: hsm-rotate <command> [options]").ConfigureAwait(false);
        await output.WriteLineAsync().ConfigureAwait(false);
        foreach (var command in commands)
        {
            await output.WriteLineAsync($"  {command.Name,-10} {command.Summary}").ConfigureAwait(false);
        }
    }
}
