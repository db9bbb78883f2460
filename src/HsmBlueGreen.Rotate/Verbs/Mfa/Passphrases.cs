using System.Text;
using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Verbs.Mfa;

/// <summary>
/// Where a key's passphrase comes from: an environment variable the operator names, or a prompt.
/// Never an argument, which the process list and shell history would show.
/// </summary>
internal static class Passphrases
{
    public const string EnvOption = "passphrase-env";

    /// <summary>A passphrase is the only protection of a stolen key file; shorter ones fall to a dictionary.</summary>
    public const int MinimumLength = 12;

    /// <summary>The passphrase from the variable named by --passphrase-env, or null when the option is absent.</summary>
    public static Sensitive? FromEnvironment(CommandLine line, CliContext context)
    {
        var name = line.Value(EnvOption);
        if (name is null)
        {
            return null;
        }

        var value = context.Environment(name);
        if (value is null)
        {
            throw new UsageException($"--{EnvOption} names {name}, which is not set; export it first, or leave --{EnvOption} out to be prompted.");
        }

        if (value.Length == 0)
        {
            throw new UsageException($"--{EnvOption} names {name}, which is empty; put the passphrase in it, or leave --{EnvOption} out to be prompted.");
        }

        return new Sensitive(value);
    }

    /// <summary>Asks on stderr and reads one line (hidden on a terminal); null when nothing is typed.</summary>
    public static async Task<Sensitive?> PromptAsync(CliContext context, string prompt)
    {
        if (!context.InputIsTerminal)
        {
            // A pipe or CI: a prompt would read whatever stdin holds, or hang.
            throw new UsageException($"standard input is not a terminal, so no passphrase can be typed. Fix: put it in an environment variable and pass --{EnvOption} NAME.");
        }

        await context.Error.WriteAsync(prompt).ConfigureAwait(false);
        await context.Error.FlushAsync().ConfigureAwait(false);
        var typed = IsTerminal(context) ? ReadHidden() : await context.In.ReadLineAsync(context.CancellationToken).ConfigureAwait(false);
        await context.Error.WriteLineAsync().ConfigureAwait(false);

        // Ctrl-C during a hidden read only cancels the token; honour it once the read returns.
        if (context.CancellationToken.IsCancellationRequested)
        {
            throw new UsageException("cancelled at the passphrase prompt; nothing was written.");
        }

        return string.IsNullOrEmpty(typed) ? null : new Sensitive(typed);
    }

    /// <summary>A new passphrase, typed twice so a typo cannot lock the key away.</summary>
    public static async Task<Sensitive> PromptNewAsync(CliContext context, string keyName)
    {
        var first = await PromptAsync(context, $"New passphrase for {keyName}: ").ConfigureAwait(false)
            ?? throw new UsageException($"no passphrase was typed for {keyName}; type one, or use --{EnvOption} NAME.");
        if (first.Length < MinimumLength)
        {
            throw new UsageException($"the passphrase typed for {keyName} has {first.Length} characters; an encrypted key needs {MinimumLength} or more. Run the command again with a longer one.");
        }

        var second = await PromptAsync(context, $"Repeat the passphrase for {keyName}: ").ConfigureAwait(false);
        if (!first.Equals(second))
        {
            throw new UsageException($"the two passphrases typed for {keyName} differ; run the command again.");
        }

        return first;
    }

    private static bool IsTerminal(CliContext context) => ReferenceEquals(context.In, Console.In) && !Console.IsInputRedirected;

    private static string ReadHidden()
    {
        var typed = new StringBuilder();
        for (var key = Console.ReadKey(intercept: true); key.Key != ConsoleKey.Enter; key = Console.ReadKey(intercept: true))
        {
            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }

        return typed.ToString();
    }
}
