using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>Runs the real host in-process with captured writers and no environment, for commands that need no files.</summary>
internal static class CliRunner
{
    public static Task<CliRun> RunAsync(params string[] args) => RunAsync(Cli.Commands.All(), args);

    public static async Task<CliRun> RunAsync(IReadOnlyList<ICliCommand> commands, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var context = new CliContext(output, error, TextReader.Null, _ => null, Directory.GetCurrentDirectory(), TimeProvider.System, CancellationToken.None);
        var exitCode = await new CliHost(commands).RunAsync(args, context);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
