using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model.Aws;

/// <summary>aws:lb:LoadBalancer (application).</summary>
public sealed record LoadBalancer(string LoadBalancerType, bool Internal, IReadOnlyList<string> Subnets, IReadOnlyList<string> SecurityGroups) : AwsResource
{
    public const string Token = "aws:lb:LoadBalancer";

    [JsonIgnore]
    public override string Type => Token;

    public bool? DropInvalidHeaderFields { get; init; }

    public bool? EnableDeletionProtection { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>aws:lb:TargetGroup: one per slot.</summary>
public sealed record TargetGroup(int Port, string Protocol, string VpcId, string TargetType) : AwsResource
{
    public const string Token = "aws:lb:TargetGroup";

    [JsonIgnore]
    public override string Type => Token;

    public int? DeregistrationDelay { get; init; }

    public TargetGroupHealthCheck? HealthCheck { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record TargetGroupHealthCheck(bool Enabled, string Path, string Protocol, string Port, string Matcher, int Interval, int Timeout, int HealthyThreshold, int UnhealthyThreshold);

/// <summary>aws:lb:Listener: its forward action carries the traffic split between the slots.</summary>
public sealed record Listener(string LoadBalancerArn, int Port, string Protocol, IReadOnlyList<ListenerDefaultAction> DefaultActions) : AwsResource
{
    public const string Token = "aws:lb:Listener";

    [JsonIgnore]
    public override string Type => Token;

    public string? CertificateArn { get; init; }

    public string? SslPolicy { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record ListenerDefaultAction(string Type)
{
    public ListenerForward? Forward { get; init; }
}

public sealed record ListenerForward(IReadOnlyList<ListenerForwardTargetGroup> TargetGroups)
{
    public ListenerForwardStickiness? Stickiness { get; init; }
}

public sealed record ListenerForwardTargetGroup(string Arn, int Weight);

/// <summary>Target group stickiness: pins a client to one slot whatever the weights.</summary>
public sealed record ListenerForwardStickiness(bool Enabled, int Duration);

/// <summary>aws:lb:ListenerRule: a slot's test route (a header condition forwarding to that slot only).</summary>
public sealed record ListenerRule(string ListenerArn, IReadOnlyList<ListenerRuleAction> Actions, IReadOnlyList<ListenerRuleCondition> Conditions) : AwsResource
{
    public const string Token = "aws:lb:ListenerRule";

    [JsonIgnore]
    public override string Type => Token;

    public int? Priority { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

public sealed record ListenerRuleAction(string Type)
{
    public string? TargetGroupArn { get; init; }
}

public sealed record ListenerRuleCondition
{
    public ListenerRuleConditionHttpHeader? HttpHeader { get; init; }
}

public sealed record ListenerRuleConditionHttpHeader(string HttpHeaderName, IReadOnlyList<string> Values);
