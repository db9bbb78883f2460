using HsmBlueGreen.Aws.CloudTrail;
using HsmBlueGreen.Aws.Ec2;
using HsmBlueGreen.Aws.Events;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.SecretsManager;
using HsmBlueGreen.Aws.Sns;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Audit;

/// <summary>IAccountInventory over EC2, EventBridge, SNS, CloudTrail and Secrets Manager; every call is a describe or list.</summary>
public sealed class AwsAccountInventory(AwsTransport transport) : IAccountInventory
{
    private readonly Ec2Network network = new(transport);
    private readonly EventBridgeRules rules = new(transport);
    private readonly SnsSubscriptions subscriptions = new(transport);
    private readonly CloudTrailTrails trails = new(transport);
    private readonly SecretRotationReader secrets = new(transport);

    public Task<IReadOnlyList<IngressRule>?> DescribeIngressAsync(string securityGroupId, CancellationToken cancellationToken) =>
        network.DescribeIngressAsync(securityGroupId, cancellationToken);

    public Task<IReadOnlyList<SubnetInfo>> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, CancellationToken cancellationToken) =>
        network.DescribeSubnetsAsync(subnetIds, cancellationToken);

    public Task<IReadOnlyList<RouteTableInfo>> DescribeRouteTablesAsync(string vpcId, CancellationToken cancellationToken) =>
        network.DescribeRouteTablesAsync(vpcId, cancellationToken);

    public Task<IReadOnlyList<FlowLogInfo>> DescribeFlowLogsAsync(IReadOnlyList<string> resourceIds, CancellationToken cancellationToken) =>
        network.DescribeFlowLogsAsync(resourceIds, cancellationToken);

    public Task<IReadOnlyList<AlertRuleInfo>> ListAlertRulesAsync(CancellationToken cancellationToken) => rules.ListAsync(cancellationToken);

    public Task<IReadOnlyList<TopicSubscription>> ListSubscriptionsAsync(string topicArn, CancellationToken cancellationToken) =>
        subscriptions.ListAsync(topicArn, cancellationToken);

    public Task<IReadOnlyList<TrailInfo>> DescribeTrailsAsync(CancellationToken cancellationToken) => trails.DescribeAsync(cancellationToken);

    public Task<SecretRotationInfo> DescribeSecretRotationAsync(string secretId, CancellationToken cancellationToken) =>
        secrets.DescribeAsync(secretId, cancellationToken);
}
