using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model.Aws;

/// <summary>aws:sns:Topic.</summary>
public sealed record SnsTopic(string NamePrefix) : AwsResource
{
    public const string Token = "aws:sns:Topic";

    [JsonIgnore]
    public override string Type => Token;

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>aws:sns:TopicPolicy: lets EventBridge publish to the topic.</summary>
public sealed record SnsTopicPolicy(string Arn, JsonText Policy) : AwsResource
{
    public const string Token = "aws:sns:TopicPolicy";

    [JsonIgnore]
    public override string Type => Token;
}

/// <summary>aws:sns:TopicSubscription.</summary>
public sealed record SnsTopicSubscription(string Topic, string Protocol, string Endpoint) : AwsResource
{
    public const string Token = "aws:sns:TopicSubscription";

    [JsonIgnore]
    public override string Type => Token;
}

/// <summary>aws:cloudwatch:EventRule (EventBridge).</summary>
public sealed record EventRule(string Description, JsonText EventPattern) : AwsResource
{
    public const string Token = "aws:cloudwatch:EventRule";

    [JsonIgnore]
    public override string Type => Token;

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>aws:cloudwatch:EventTarget.</summary>
public sealed record EventTarget(string Rule, string Arn) : AwsResource
{
    public const string Token = "aws:cloudwatch:EventTarget";

    [JsonIgnore]
    public override string Type => Token;
}
