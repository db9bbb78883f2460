namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// Everything a command touches outside itself, so the in-process test fixture can run the real
/// commands with captured writers, a fake environment and a fake clock.
/// </summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    TextReader In,
    Func<string, string?> Environment,
    string WorkingDirectory,
    TimeProvider Clock,
    CancellationToken CancellationToken)
{
    /// <summary>Whether someone can type at a prompt; false for a pipe or CI, where prompts are refused instead.</summary>
    public bool InputIsTerminal { get; init; } = true;

    public static CliContext ForProcess(CancellationToken cancellationToken) => new(
        Console.Out,
        Console.Error,
        Console.In,
        System.Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        TimeProvider.System,
        cancellationToken)
    {
        InputIsTerminal = !Console.IsInputRedirected,
    };
}
