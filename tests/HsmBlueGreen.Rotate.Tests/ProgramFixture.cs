using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>
/// The one way the tests run hsm-rotate (GitVersion's ProgramFixture): the shipped host and verb list in-process,
/// with captured writers and only the parts a test swaps: environment, working directory, typed input, clock, and the
/// ports behind the rotation verbs and the audit. Anything left unset is what the program itself would use.
/// </summary>
internal sealed class ProgramFixture
{
    public Func<string, string?> Environment { get; init; } = _ => null;

    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>What the operator types at prompts, one line each.</summary>
    public string Input { get; init; } = string.Empty;

    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Whether <see cref="Input"/> stands for someone typing at a terminal (true) or a pipe.</summary>
    public bool InputIsTerminal { get; init; } = true;

    /// <summary>Whether stdout stands for a terminal a person watches (the live view) rather than a pipe or CI log.</summary>
    public bool OutputIsTerminal { get; init; }

    public RotationPortsFactory? RotationPorts { get; init; }

    public Func<CliContext, string, AuditWiring>? AuditWiring { get; init; }

    public CancellationToken Cancellation { get; init; } = CancellationToken.None;

    /// <summary>Splits on spaces, as a shell would split these tests' command lines.</summary>
    public Task<CliRun> RunAsync(string commandLine) => RunAsync(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        using var input = new StringReader(Input);
        var context = new CliContext(output, error, input, Environment, WorkingDirectory, Clock, Cancellation) { InputIsTerminal = InputIsTerminal, IsTerminal = OutputIsTerminal };
        var exit = await new CliHost(Commands.All(RotationPorts, AuditWiring)).RunAsync(args, context);
        return new CliRun(exit, output.ToString(), error.ToString());
    }
}

/// <summary>One run of the program: its exit code and everything it wrote.</summary>
internal sealed record CliRun(int Exit, string Out, string Error)
{
    public string Output => Out + Error;

    public override string ToString() => $"exit {Exit}\n--- stdout\n{Out}\n--- stderr\n{Error}";
}

/// <summary>Exit codes as DESIGN.md names them, for readable assertions.</summary>
internal static class Exit
{
    public const int Done = ExitCodes.Done;
    public const int RolledBack = ExitCodes.FailedRolledBack;
    public const int BadInput = ExitCodes.BadInput;
    public const int NeedsOperator = ExitCodes.NeedsOperator;
    public const int Crashed = ExitCodes.Crashed;
}
