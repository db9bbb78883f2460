using System.Text.Json;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Aws.Stack;

/// <summary>
/// IStackControl over the pulumi CLI in the project directory: `stack output --json` (never
/// --show-secrets), `stack export` (read for its pending operations only), `config set --path`, `config set-all --path`, `config rm --path`, `preview --json`, and `up --yes --skip-preview` with targets.
/// </summary>
public sealed class PulumiStackControl(string executable, string projectDirectory, PulumiTimeouts timeouts) : IStackControl
{
    public async Task<StackOutputs> GetOutputsAsync(string stack, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["stack", "output", "--json", "--stack", stack], timeouts.Read, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(output);
            return StackOutputsReader.Read(stack, document.RootElement);
        }
        catch (JsonException)
        {
            throw new PulumiCommandException($"pulumi stack output --json --stack {stack} printed something that is not JSON; run it yourself to see why.");
        }
    }

    public Task SetConfigAsync(string stack, string path, string value, CancellationToken cancellationToken) =>
        RunAsync(["config", "set", "--path", "--stack", stack, "--", path, value], timeouts.Config, cancellationToken);

    public Task SetConfigValuesAsync(string stack, IReadOnlyList<KeyValuePair<string, string>> values, CancellationToken cancellationToken) =>
        RunAsync(["config", "set-all", "--path", "--stack", stack, .. values.SelectMany(v => new[] { "--plaintext", $"{v.Key}={v.Value}" })], timeouts.Config, cancellationToken);

    public Task RemoveConfigAsync(string stack, string path, CancellationToken cancellationToken) =>
        RunAsync(["config", "rm", "--path", "--stack", stack, "--", path], timeouts.Config, cancellationToken);

    public async Task<IReadOnlyList<PendingOperation>> PendingOperationsAsync(string stack, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["stack", "export", "--stack", stack], timeouts.Read, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(output);
            return StackStateReader.PendingOperations(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PulumiCommandException($"pulumi stack export --stack {stack} printed something that is not a stack's state; run it yourself to see why.");
        }
    }

    public async Task<StackPreview> PreviewAsync(string stack, CancellationToken cancellationToken)
    {
        var output = await RunAsync(["preview", "--json", "--non-interactive", "--stack", stack], timeouts.Up, cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(output);
            return StackPreviewReader.Read(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new PulumiCommandException($"pulumi preview --json --stack {stack} printed something that is not JSON; run it yourself to see why.");
        }
    }

    public Task UpAsync(string stack, IReadOnlyList<string> targets, CancellationToken cancellationToken) =>
        RunAsync(["up", "--yes", "--skip-preview", "--non-interactive", "--stack", stack, .. targets.SelectMany(t => new[] { "--target", t })], timeouts.Up, cancellationToken);

    private async Task<string> RunAsync(IReadOnlyList<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var command = "pulumi " + string.Join(" ", arguments);
        var result = await ProcessRunner.RunAsync(executable, arguments, projectDirectory, timeout, cancellationToken).ConfigureAwait(false);
        if (result.NotStarted)
        {
            throw new PulumiCommandException($"{command}: {result.StandardError}; install the Pulumi CLI and put it on PATH.");
        }

        if (result.TimedOut)
        {
            throw new PulumiCommandException($"{command} did not finish within {Describe(timeout)} and was stopped; check `pulumi stack --stack` and any pending operations.");
        }

        if (result.ExitCode != 0)
        {
            var error = result.StandardError.Split('\n').Select(l => l.Trim()).LastOrDefault(l => l.Length > 0) ?? "no error text";
            throw new PulumiCommandException($"{command} failed (exit {result.ExitCode}): {AwsErrorMessages.OneLine(error)}");
        }

        return result.StandardOutput;
    }

    private static string Describe(TimeSpan timeout) => timeout >= TimeSpan.FromMinutes(1)
        ? $"{timeout.TotalMinutes.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} minutes"
        : $"{timeout.TotalSeconds.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)} seconds";
}
