using System.Text.Json;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Ssm;

/// <summary>
/// IHsmUserCommands: Scripts/hsm-user.sh on the slot's admin host through SSM Run Command. Checks first
/// that the cluster is ACTIVE (no login is attempted otherwise), runs each command once, and turns the
/// script's one-line JSON result into an outcome. A failed login is returned, never retried.
/// </summary>
public sealed class SsmHsmUserCommands(SsmRunCommand runner, IClusterControl clusters) : IHsmUserCommands
{
    public async Task<HsmCommandResult> ChangePasswordAsync(HsmUserTarget target, SecretVersionRef current, SecretVersionRef next, CancellationToken cancellationToken) =>
        (await RunAsync(target, HsmUserScript.ChangePassword(target, current, next), "change-password", cancellationToken, ChangeComment(target, next)).ConfigureAwait(false)).Result;

    public async Task<SentChange> FindChangeAsync(HsmUserTarget target, SecretVersionRef next, CancellationToken cancellationToken)
    {
        var comment = ChangeComment(target, next);
        var run = await runner.FindAsync(target.InstanceId, comment, cancellationToken).ConfigureAwait(false);
        if (run is null || run.StatusDetails is "Undeliverable" or "Delivery Timed Out")
        {
            var why = run is null ? $"SSM's command history has no command \"{comment}\" for {target.InstanceId}" : $"SSM command {run.CommandId} was never delivered to {target.InstanceId} ({run.StatusDetails})";
            return new SentChange(SentState.NotSent, new HsmCommandResult(HsmCommandOutcome.Failed, why));
        }

        if (run.Status == SsmRunCommand.NoAnswer || run.StatusDetails == SsmRunCommand.NoResultInTime)
        {
            return new SentChange(SentState.Unknown, new HsmCommandResult(HsmCommandOutcome.Failed, run.StandardError));
        }

        // Ended without the script's result line (killed, timed out, output lost): how far the change got is unknown.
        var (result, line) = HsmScriptResult.Interpret(run, target, "change-password");
        return new SentChange(line is null ? SentState.Unknown : SentState.Ended, result);
    }

    public async Task<HsmCommandResult> LoginAsync(HsmUserTarget target, SecretVersionRef credential, CancellationToken cancellationToken) =>
        (await RunAsync(target, HsmUserScript.Login(target, credential), "login", cancellationToken).ConfigureAwait(false)).Result;

    /// <summary>Only the target user's row comes back: the whole list can exceed SSM's 24,000-character output.</summary>
    public async Task<UserListResult> ListUsersAsync(HsmUserTarget target, CancellationToken cancellationToken)
    {
        var (result, line) = await RunAsync(target, HsmUserScript.ListUsers(target), "list-users", cancellationToken).ConfigureAwait(false);
        var users = new List<HsmUser>();
        if (result.Succeeded && line is not null && line.Value.TryGetProperty("users", out var rows))
        {
            users.AddRange(rows.EnumerateArray().Select(u => new HsmUser(
                Text(u, "username"), Text(u, "role"), Text(u, "locked"), Text(u, "coverage"), u.TryGetProperty("mfa", out var mfa) && mfa.ValueKind == JsonValueKind.True)));
        }

        return new UserListResult(result, users);
    }

    public async Task<KeySharingResult> ListKeySharingAsync(HsmUserTarget target, SecretVersionRef credential, string label, CancellationToken cancellationToken)
    {
        var (result, line) = await RunAsync(target, HsmUserScript.KeySharing(target, credential, label), "key-sharing", cancellationToken).ConfigureAwait(false);
        var keys = new List<HsmKeySharing>();
        if (result.Succeeded && line is not null && line.Value.TryGetProperty("keys", out var rows))
        {
            keys.AddRange(rows.EnumerateArray().Select(k => new HsmKeySharing(Text(k, "reference"), Names(k, "owners"), Names(k, "shared")) { KeyClass = Text(k, "class") is { Length: > 0 } keyClass ? keyClass : null }));
        }

        return new KeySharingResult(result, keys);
    }

    /// <summary>Names the version the change sets (an id, never a secret), so SSM's history can tell this change from any other.</summary>
    private static string ChangeComment(HsmUserTarget target, SecretVersionRef next) =>
        $"hsm-rotate change-password {target.ClusterId} to {next.VersionId ?? next.Stage}";

    private async Task<(HsmCommandResult Result, JsonElement? Line)> RunAsync(HsmUserTarget target, string command, string operation, CancellationToken cancellationToken, string? comment = null)
    {
        var cluster = await clusters.DescribeClusterAsync(target.ClusterId, cancellationToken).ConfigureAwait(false);
        if (cluster is null || cluster.State != ClusterState.Active)
        {
            var state = cluster is null ? "not found" : $"in state {cluster.State}";
            return (new HsmCommandResult(HsmCommandOutcome.ClusterNotActive, $"cluster {target.ClusterId} is {state}; {operation} needs it ACTIVE, so nothing was run."), null);
        }

        var run = await runner.RunAsync(target.InstanceId, command, comment ?? $"hsm-rotate {operation} {target.ClusterId}", cancellationToken).ConfigureAwait(false);
        return HsmScriptResult.Interpret(run, target, operation);
    }

    private static List<string> Names(JsonElement element, string name) =>
        element.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Where(n => n.ValueKind == JsonValueKind.String).Select(n => n.GetString()!)]
            : [];

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : string.Empty;
}
