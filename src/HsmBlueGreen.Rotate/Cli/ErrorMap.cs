using HsmBlueGreen.Aws;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Mfa;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Cli;

/// <summary>
/// Every verb's errors, mapped in one place: bad input is one line and exit 2; AWS or pulumi stopping the verb is one
/// line, the verb's own next step and exit 3; anything unexpected is "crashed" (the full exception with --verbose)
/// and exit 4. Messages never carry secrets, so the detail is safe to print.
/// </summary>
public static class ErrorMap
{
    public static async Task<int> ReportAsync(Exception error, string where, ICliCommand verb, CommandLine line, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(verb);
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        async Task Say(string text) => await context.Error.WriteLineAsync($"{where}: {text}").ConfigureAwait(false);

        switch (error)
        {
            case ConfigException config:
                foreach (var text in config.Lines(ProjectNamespace.Name))
                {
                    await Say(text).ConfigureAwait(false);
                }

                return ExitCodes.BadInput;
            case UsageException or RotationInputException or PortsUnavailableException or AwsConfigurationException or MfaInputException:
                await Say(error.Message).ConfigureAwait(false);
                return ExitCodes.BadInput;
            case AdapterException:
                // AWS or pulumi refused or failed: the message says what and where; the verb says what is safe next.
                await Say(error.Message).ConfigureAwait(false);
                if (verb.AfterStop(line) is { } next)
                {
                    await Say($"stopped. {next}").ConfigureAwait(false);
                }

                return ExitCodes.NeedsOperator;
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                await AdviseAsync("interrupted.").ConfigureAwait(false);
                return ExitCodes.NeedsOperator;
            default:
                await Say($"crashed: {(line.Has("verbose") ? error.ToString() : $"{error.GetType().Name}: {error.Message} (run again with --verbose for the detail)")}").ConfigureAwait(false);
                await AdviseAsync("this is a bug; please report it with the --verbose output.").ConfigureAwait(false);
                return ExitCodes.Crashed;
        }

        async Task AdviseAsync(string what)
        {
            var advice = verb.AfterStop(line);
            await Say(advice is null ? what : $"{what} {advice}").ConfigureAwait(false);
        }
    }
}
