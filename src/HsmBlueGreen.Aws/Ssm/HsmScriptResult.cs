using System.Text.Json;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Ssm;

/// <summary>Reads the hsm-user.sh result line out of a command's output and maps its outcome.</summary>
public static class HsmScriptResult
{
    public static (HsmCommandResult Result, JsonElement? Line) Interpret(CommandRun run, HsmUserTarget target, string operation)
    {
        var line = FindLine(run.StandardOutput);
        if (line is null)
        {
            var outcome = run.Status is "Undeliverable" or "TimedOut" or "Cancelled" || run.StatusDetails is "Undeliverable" or "Delivery Timed Out"
                ? HsmCommandOutcome.HostUnavailable
                : HsmCommandOutcome.Failed;
            var why = string.IsNullOrWhiteSpace(run.StandardError) ? run.StatusDetails ?? run.Status : AwsErrorMessages.OneLine(Tail(run.StandardError));
            return (new HsmCommandResult(outcome, $"{operation} on {target.InstanceId} ended {run.Status} without a result ({why}){CommandRef(run)}."), null);
        }

        var value = line.Value;
        var step = value.TryGetProperty("step", out var s) ? s.GetString() : null;
        var detail = value.TryGetProperty("detail", out var d) ? d.GetString() : null;
        var mapped = Map(value.TryGetProperty("outcome", out var o) ? o.GetString() : null);
        var text = mapped == HsmCommandOutcome.Succeeded
            ? $"{operation} succeeded for {target.CryptoUser} on {target.ClusterId}"
            : $"{operation} for {target.CryptoUser} on {target.ClusterId} failed at {step}: {detail}{CommandRef(run)}";
        return (new HsmCommandResult(mapped, text), value);
    }

    private static HsmCommandOutcome Map(string? outcome) => outcome switch
    {
        "succeeded" => HsmCommandOutcome.Succeeded,
        "bad_credentials" => HsmCommandOutcome.BadCredentials,
        "user_locked" => HsmCommandOutcome.UserLocked,
        "user_inconsistent" => HsmCommandOutcome.UserInconsistent,
        "quorum_required" => HsmCommandOutcome.QuorumRequired,
        "cluster_unreachable" => HsmCommandOutcome.ClusterUnreachable,
        _ => HsmCommandOutcome.Failed,
    };

    private static JsonElement? FindLine(string output)
    {
        foreach (var line in output.Split('\n').Reverse())
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("{\"hsmRotate\"", StringComparison.Ordinal))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(trimmed);
                return document.RootElement.Clone();
            }
            catch (JsonException)
            {
                // A cut-off line (output limit) is no result; keep looking.
            }
        }

        return null;
    }

    private static string Tail(string text) => text.Length <= 300 ? text : text[^300..];

    private static string CommandRef(CommandRun run) => run.CommandId is null ? string.Empty : $" (SSM command {run.CommandId})";
}
