using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model.Aws;

/// <summary>aws:cloudwatch:LogGroup.</summary>
public sealed record LogGroup(string Name, int RetentionInDays) : AwsResource
{
    public const string Token = "aws:cloudwatch:LogGroup";

    [JsonIgnore]
    public override string Type => Token;

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>aws:ec2:FlowLog: one subnet's traffic, delivered to a log group by a role the flow-logs service assumes.</summary>
public sealed record FlowLog(string SubnetId, string TrafficType, string LogDestinationType, string LogDestination, string IamRoleArn) : AwsResource
{
    public const string Token = "aws:ec2:FlowLog";

    [JsonIgnore]
    public override string Type => Token;

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
