namespace HsmBlueGreen.Infra.Cli;

/// <summary>
/// Which program to print, decided from the arguments and the PULUMI_* variables:
/// <list type="bullet">
/// <item>`--stack NAME`: a person's offline run, from Pulumi.NAME.yaml.</item>
/// <item>PULUMI_CONFIG set: Pulumi's run (the YAML host sets PULUMI_STACK and PULUMI_CONFIG together).</item>
/// <item>only PULUMI_STACK set: that stack's file (an inherited variable during discovery).</item>
/// <item>nothing: Pulumi's plugin discovery; the built-in program that names every type and the pinned version.</item>
/// </list>
/// </summary>
public abstract record InfraRequest
{
    public const string Usage = "usage: HsmBlueGreen.Infra [--stack <name>]  (prints the Pulumi YAML program on stdout; with no --stack it reads PULUMI_STACK/PULUMI_CONFIG, or prints the plugin-discovery program)";

    private InfraRequest()
    {
    }

    public sealed record FromStackFile(string Stack) : InfraRequest;

    public sealed record FromPulumi(string Stack, string ConfigJson) : InfraRequest;

    public sealed record Discovery : InfraRequest;

    public sealed record Help : InfraRequest;

    /// <summary>The request, or a usage error for the user.</summary>
    public static InfraRequest Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(environment);
        string? stack = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--help" or "-h":
                    return new Help();
                case "--stack" when i + 1 < args.Count && !args[i + 1].StartsWith('-'):
                    stack = args[++i];
                    break;
                case var arg when arg.StartsWith("--stack=", StringComparison.Ordinal) && arg.Length > "--stack=".Length:
                    stack = arg["--stack=".Length..];
                    break;
                case "--stack" or "--stack=":
                    throw new UsageException("--stack needs a stack name, e.g. --stack dev");
                default:
                    throw new UsageException($"unknown argument '{args[i]}'");
            }
        }

        if (stack is not null)
        {
            return new FromStackFile(stack);
        }

        var pulumiStack = NonEmpty(environment("PULUMI_STACK"));
        var pulumiConfig = environment("PULUMI_CONFIG");
        if (pulumiConfig is not null)
        {
            return pulumiStack is null
                ? throw new UsageException("PULUMI_CONFIG is set but PULUMI_STACK is not; Pulumi sets both. Unset PULUMI_CONFIG, or pass --stack <name>")
                : new FromPulumi(pulumiStack, pulumiConfig);
        }

        return pulumiStack is null ? new Discovery() : new FromStackFile(pulumiStack);
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

/// <summary>A mistake in how the program was called: one line and exit code 2.</summary>
public sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
