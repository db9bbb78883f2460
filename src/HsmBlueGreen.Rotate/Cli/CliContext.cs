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

    /// <summary>Out is a terminal a person watches (live view) rather than a pipe or CI log (plain timestamped lines).</summary>
    public bool IsTerminal { get; init; }

    /// <summary>Told of every AWS request the adapters send; a rotation command points it at the run's journal.</summary>
    public Action<HsmBlueGreen.Aws.Http.AwsRequestSent>? AwsRequests { get; init; }

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
        IsTerminal = !Console.IsOutputRedirected,
    };
}
