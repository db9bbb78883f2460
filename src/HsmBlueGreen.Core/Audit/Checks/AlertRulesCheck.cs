using System.Text.Json;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>
/// Each destructive CloudHSM call is matched by an enabled EventBridge rule whose target is an SNS topic with
/// at least one confirmed subscription: an alert nobody receives is no alert.
/// </summary>
public sealed class AlertRulesCheck() : AuditCheck(
    "alert-rules",
    "alert rules present, enabled and delivered to a subscribed topic",
    "run pulumi up for the stack's alert rules and topic, enable any disabled rule (aws events enable-rule --name <rule>), and confirm the subscription e-mail sent to alertEmails.")
{
    public override async Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var rules = await session.Ports.Inventory.ListAlertRulesAsync(cancellationToken).ConfigureAwait(false);
        var confirmed = new Dictionary<string, int>(StringComparer.Ordinal);
        var parts = new List<(AuditOutcome, string)>();
        foreach (var action in DestructiveActions.All)
        {
            var eventName = action.Split(':')[1];
            var matching = rules.Where(r => Matches(r.EventPattern, eventName)).ToList();
            var enabled = matching.Where(r => r.Enabled).ToList();
            var delivered = new List<string>();
            foreach (var rule in enabled)
            {
                foreach (var topic in rule.TargetArns.Where(a => a.StartsWith("arn:aws", StringComparison.Ordinal) && a.Contains(":sns:", StringComparison.Ordinal)))
                {
                    if (!confirmed.TryGetValue(topic, out var count))
                    {
                        var subscriptions = await session.Ports.Inventory.ListSubscriptionsAsync(topic, cancellationToken).ConfigureAwait(false);
                        confirmed[topic] = count = subscriptions.Count(s => s.Confirmed);
                    }

                    if (count > 0)
                    {
                        delivered.Add($"{rule.Name} -> {topic}");
                    }
                }
            }

            parts.Add(Judge(eventName, matching, enabled, delivered));
        }

        return Combine(parts);
    }

    private static (AuditOutcome, string) Judge(string eventName, List<AlertRuleInfo> matching, List<AlertRuleInfo> enabled, List<string> delivered) =>
        matching.Count == 0 ? (AuditOutcome.Fail, $"{eventName}: no rule matches it")
        : enabled.Count == 0 ? (AuditOutcome.Fail, $"{eventName}: {string.Join(", ", matching.Select(r => r.Name))} disabled")
        : delivered.Count == 0 ? (AuditOutcome.Fail, $"{eventName}: {string.Join(", ", enabled.Select(r => r.Name))} has no SNS topic with a confirmed subscription")
        : (AuditOutcome.Pass, $"{eventName}: {delivered[0]}");

    /// <summary>A rule on CloudHSM API calls that either names the event or does not filter by name.</summary>
    internal static bool Matches(string? pattern, string eventName)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(pattern);
            var root = document.RootElement;
            if (!Contains(root, "source", "aws.cloudhsm"))
            {
                return false;
            }

            return !root.TryGetProperty("detail", out var detail) || !detail.TryGetProperty("eventName", out _) || Contains(detail, "eventName", eventName);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Contains(JsonElement parent, string name, string value) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
        && values.EnumerateArray().Any(v => v.ValueKind == JsonValueKind.String && v.GetString() == value);
}
