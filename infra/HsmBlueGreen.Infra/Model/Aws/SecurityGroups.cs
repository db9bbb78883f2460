using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model.Aws;

/// <summary>aws:ec2:SecurityGroup. Rules are separate resources; inline rules exist only so policy can catch them.</summary>
public sealed record SecurityGroup(string VpcId, string Description) : AwsResource
{
    public const string Token = "aws:ec2:SecurityGroup";

    [JsonIgnore]
    public override string Type => Token;

    public IReadOnlyList<SecurityGroupInlineRule>? Ingress { get; init; }

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>SecurityGroupIngressArgs.</summary>
public sealed record SecurityGroupInlineRule(string Protocol, int FromPort, int ToPort)
{
    public bool Covers(int from, int to) => PortRange.Admits(Protocol, FromPort, ToPort, from, to);

    public IReadOnlyList<string>? CidrBlocks { get; init; }

    public IReadOnlyList<string>? Ipv6CidrBlocks { get; init; }

    public IReadOnlyList<string>? SecurityGroups { get; init; }
}

/// <summary>The shape shared by aws:vpc:SecurityGroupIngressRule and aws:vpc:SecurityGroupEgressRule.</summary>
public abstract record SecurityGroupRuleBase(string SecurityGroupId, string IpProtocol, int FromPort, int ToPort, string Description) : AwsResource
{
    public string? CidrIpv4 { get; init; }

    public string? CidrIpv6 { get; init; }

    public string? ReferencedSecurityGroupId { get; init; }

    /// <summary>True when the rule admits traffic to any port in [from, to] (protocol "-1" means every port).</summary>
    public bool Covers(int from, int to) => PortRange.Admits(IpProtocol, FromPort, ToPort, from, to);
}

/// <summary>aws:vpc:SecurityGroupIngressRule: what may reach the group <see cref="SecurityGroupRuleBase.SecurityGroupId"/>.</summary>
public sealed record SecurityGroupIngressRule(string SecurityGroupId, string IpProtocol, int FromPort, int ToPort, string Description)
    : SecurityGroupRuleBase(SecurityGroupId, IpProtocol, FromPort, ToPort, Description)
{
    public const string Token = "aws:vpc:SecurityGroupIngressRule";

    [JsonIgnore]
    public override string Type => Token;
}

/// <summary>aws:vpc:SecurityGroupEgressRule: where members of the group may connect.</summary>
public sealed record SecurityGroupEgressRule(string SecurityGroupId, string IpProtocol, int FromPort, int ToPort, string Description)
    : SecurityGroupRuleBase(SecurityGroupId, IpProtocol, FromPort, ToPort, Description)
{
    public const string Token = "aws:vpc:SecurityGroupEgressRule";

    [JsonIgnore]
    public override string Type => Token;
}

internal static class PortRange
{
    /// <summary>True when a rule admits TCP traffic to any port in [from, to] (protocol "-1" means every port).</summary>
    public static bool Admits(string protocol, int fromPort, int toPort, int from, int to) =>
        protocol is "-1" || (protocol is "tcp" or "6" && fromPort <= to && toPort >= from);
}
