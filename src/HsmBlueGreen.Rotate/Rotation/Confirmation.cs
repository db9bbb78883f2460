using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>The one question asked before the first change; anything but y/yes (or end of input) means no.</summary>
internal static class Confirmation
{
    public static async Task<bool> AskAsync(CliContext context, string question)
    {
        await context.Out.WriteAsync($"{question} [y/N] ").ConfigureAwait(false);
        await context.Out.FlushAsync().ConfigureAwait(false);
        var answer = await context.In.ReadLineAsync(context.CancellationToken).ConfigureAwait(false);
        return answer?.Trim().ToLowerInvariant() is "y" or "yes";
    }
}
