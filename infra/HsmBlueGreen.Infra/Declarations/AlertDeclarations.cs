using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// Alerts on the CloudHSM calls that destroy or move key material or open it to other accounts, from
/// CloudTrail through EventBridge to an SNS topic with the configured email subscriptions.
/// </summary>
internal static partial class AlertDeclarations
{
    /// <summary>The same calls the roles are denied (DestructiveActions), so the alerts and the guard rails cannot drift apart.</summary>
    public static readonly IReadOnlyList<string> WatchedCalls = [.. DestructiveActions.All.Select(a => a.Split(':')[1])];

    public static void Add(DeclaredResources declarations, StackSettings settings)
    {
        var topic = declarations.Add("alerts-topic", new SnsTopic($"{ProjectNamespace.Name}-{settings.Stack}-alerts-") { Tags = Tags.For(settings, null, "alerts-topic") });
        var pattern = new JsonObject
        {
            ["source"] = new JsonArray("aws.cloudhsm"),
            ["detail-type"] = new JsonArray("AWS API Call via CloudTrail"),
            ["detail"] = new JsonObject
            {
                ["eventSource"] = new JsonArray("cloudhsm.amazonaws.com"),
                ["eventName"] = new JsonArray([.. WatchedCalls.Select(c => (JsonNode?)JsonValue.Create(c))]),
            },
        };
        var rule = declarations.Add(
            "alerts-rule",
            new EventRule("CloudHSM calls that delete, copy or share clusters, HSMs or backups", new JsonText(pattern)) { Tags = Tags.For(settings, null, "alerts-rule") });

        var publish = PolicyDocuments.Allow("EventBridgePublishes", ["sns:Publish"], topic.Output("arn"), new JsonObject
        {
            ["ArnEquals"] = new JsonObject { ["aws:SourceArn"] = rule.Output("arn") },
        });
        publish["Principal"] = new JsonObject { ["Service"] = "events.amazonaws.com" };
        declarations.Add("alerts-topic-policy", new SnsTopicPolicy(topic.Output("arn"), PolicyDocuments.Document(publish)));
        declarations.Add("alerts-target", new EventTarget(rule.Output("name"), topic.Output("arn")));

        foreach (var email in settings.AlertEmails)
        {
            declarations.Add($"alerts-email-{Slug(email)}", new SnsTopicSubscription(topic.Output("arn"), "email", email));
        }
    }

    /// <summary>A name from the address, so reordering the list does not replace subscriptions.</summary>
    private static string Slug(string email) => NotNameChars().Replace(email.ToLowerInvariant(), "-").Trim('-');

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NotNameChars();
}
