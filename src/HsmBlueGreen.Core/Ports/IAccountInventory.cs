namespace HsmBlueGreen.Core.Ports;

/// <summary>
/// Read-only views of the account that the audit compares with the security card: network (EC2),
/// alerting (EventBridge, SNS), CloudTrail and Secrets Manager metadata. Never a secret value.
/// </summary>
public interface IAccountInventory
{
    /// <summary>The group's ingress rules, or null when no group has that id.</summary>
    Task<IReadOnlyList<IngressRule>?> DescribeIngressAsync(string securityGroupId, CancellationToken cancellationToken);

    Task<IReadOnlyList<SubnetInfo>> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<RouteTableInfo>> DescribeRouteTablesAsync(string vpcId, CancellationToken cancellationToken);

    /// <summary>Flow logs attached to any of these resources (subnet, VPC or network interface ids).</summary>
    Task<IReadOnlyList<FlowLogInfo>> DescribeFlowLogsAsync(IReadOnlyList<string> resourceIds, CancellationToken cancellationToken);

    /// <summary>The region's EventBridge rules on the default bus, each with its target ARNs.</summary>
    Task<IReadOnlyList<AlertRuleInfo>> ListAlertRulesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<TopicSubscription>> ListSubscriptionsAsync(string topicArn, CancellationToken cancellationToken);

    /// <summary>The trails that apply to this region, each with whether it is logging now.</summary>
    Task<IReadOnlyList<TrailInfo>> DescribeTrailsAsync(CancellationToken cancellationToken);

    Task<SecretRotationInfo> DescribeSecretRotationAsync(string secretId, CancellationToken cancellationToken);
}

/// <summary>One ingress permission. Protocol "-1" means all traffic; ports are null then. Cidrs include IPv6 ranges and prefix lists.</summary>
public sealed record IngressRule(string Protocol, int? FromPort, int? ToPort, IReadOnlyList<string> Cidrs, IReadOnlyList<string> SourceGroups);

public sealed record SubnetInfo(string SubnetId, string VpcId, string AvailabilityZone, bool MapPublicIpOnLaunch);

/// <summary>A route table with the subnets explicitly associated; the main table serves every other subnet of the VPC.</summary>
public sealed record RouteTableInfo(string RouteTableId, bool Main, IReadOnlyList<string> SubnetIds, IReadOnlyList<RouteInfo> Routes);

/// <summary><paramref name="Target"/> is the gateway, NAT, instance or interface id the route sends to ("igw-..." for the internet).</summary>
public sealed record RouteInfo(string Destination, string Target);

public sealed record FlowLogInfo(string FlowLogId, string ResourceId, string Status, string TrafficType);

public sealed record AlertRuleInfo(string Name, bool Enabled, string? EventPattern, IReadOnlyList<string> TargetArns);

/// <summary>A subscription; the endpoint (an address) is left out on purpose, the audit only counts.</summary>
public sealed record TopicSubscription(string Protocol, bool Confirmed);

public sealed record TrailInfo(string Name, string HomeRegion, bool MultiRegion, bool Logging);

public sealed record SecretRotationInfo(string Name, bool RotationEnabled, DateTimeOffset? LastRotated, DateTimeOffset? LastChanged);
