using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

public sealed record FakeRule(string Name, string State, string? EventPattern, IReadOnlyList<string> TargetArns);

public sealed record FakeSubscription(string Protocol, string Endpoint, bool Confirmed);

public sealed record FakeTrail(string Name, string HomeRegion, bool MultiRegion, bool Logging);

/// <summary>EventBridge rules and targets, SNS subscriptions and CloudTrail trails, for the audit.</summary>
public sealed partial class FakeAwsAccount
{
    private readonly List<FakeRule> rules = [];
    private readonly Dictionary<string, List<FakeSubscription>> topics = new(StringComparer.Ordinal);
    private readonly List<FakeTrail> trails = [];

    public FakeAwsAccount AddRule(FakeRule rule) => Locked(() => rules.Add(rule));

    public FakeAwsAccount AddTopic(string topicArn, params FakeSubscription[] subscriptions) => Locked(() => topics[topicArn] = [.. subscriptions]);

    public FakeAwsAccount AddTrail(FakeTrail trail) => Locked(() => trails.Add(trail));

    private JsonObject ListRules(JsonObject input)
    {
        var (page, next) = Page(rules, OptStr(input, "NextToken"));
        return new JsonObject { ["Rules"] = Array(page.Select(r => new JsonObject
        {
            ["Name"] = r.Name, ["Arn"] = $"arn:aws:events:{LoopbackAwsServer.Region}:{AccountId}:rule/{r.Name}", ["State"] = r.State, ["EventBusName"] = "default",
        }.WithOptional("EventPattern", r.EventPattern))) }.WithOptional("NextToken", next);
    }

    private JsonObject ListTargetsByRule(JsonObject input)
    {
        var rule = rules.FirstOrDefault(r => r.Name == Str(input, "Rule"))
            ?? throw AwsFault.NotFound("ResourceNotFoundException", $"Rule {Str(input, "Rule")} does not exist on EventBus default.");
        var (page, next) = Page([.. rule.TargetArns], OptStr(input, "NextToken"));
        var answer = new JsonObject().WithOptional("NextToken", next);
        if (page.Count > 0)
        {
            answer["Targets"] = Array(page.Select((arn, i) => new JsonObject { ["Id"] = $"target{i}", ["Arn"] = arn })); // the model allows no empty list
        }

        return answer;
    }

    private JsonObject ListSubscriptionsByTopic(JsonObject input)
    {
        var topic = Str(input, "TopicArn");
        if (!topics.TryGetValue(topic, out var subscriptions))
        {
            throw new AwsFault(404, "NotFound", "Topic does not exist");
        }

        var (page, next) = Page(subscriptions, OptStr(input, "NextToken"));
        return new JsonObject { ["Subscriptions"] = Array(page.Select((s, i) => new JsonObject
        {
            ["SubscriptionArn"] = s.Confirmed ? $"{topic}:0000000{i}-aaaa-4bbb-8ccc-dddddddddddd" : "PendingConfirmation",
            ["Owner"] = AccountId, ["Protocol"] = s.Protocol, ["Endpoint"] = s.Endpoint, ["TopicArn"] = topic,
        })) }.WithOptional("NextToken", next);
    }

    private JsonObject DescribeTrails() => new()
    {
        ["trailList"] = Array(trails.Select(t => new JsonObject
        {
            ["Name"] = t.Name, ["TrailARN"] = TrailArn(t), ["HomeRegion"] = t.HomeRegion, ["IsMultiRegionTrail"] = t.MultiRegion, ["S3BucketName"] = "trail-bucket",
        })),
    };

    private JsonObject GetTrailStatus(JsonObject input)
    {
        var name = Str(input, "Name");
        var trail = trails.FirstOrDefault(t => t.Name == name || TrailArn(t) == name)
            ?? throw AwsFault.NotFound("TrailNotFoundException", $"Unknown trail: {name} for the user: {AccountId}");
        return new JsonObject { ["IsLogging"] = trail.Logging };
    }

    private string TrailArn(FakeTrail trail) => $"arn:aws:cloudtrail:{trail.HomeRegion}:{AccountId}:trail/{trail.Name}";
}
