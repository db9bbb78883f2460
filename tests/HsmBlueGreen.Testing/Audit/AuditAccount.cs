using HsmBlueGreen.Core.Audit;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Audit;

/// <summary>
/// A hand-written account for audit scenarios. <see cref="Healthy"/> passes every check the card asks for;
/// each test changes the one thing it is about. Lists are public and mutable on purpose.
/// </summary>
internal sealed class AuditAccount : IAccountInventory, IClusterControl, IHsmUserCommands
{
    public static readonly DateTimeOffset Now = new(2026, 11, 22, 6, 0, 0, TimeSpan.Zero);

    public const string Region = "eu-west-1";
    public const string Vpc = "vpc-0a1b2c3d";
    public const string ClientGroup = "sg-0c11e47";

    public Dictionary<string, ClusterStatus> Clusters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<BackupInfo>> Backups { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, List<IngressRule>> SecurityGroups { get; } = new(StringComparer.Ordinal);

    public List<SubnetInfo> Subnets { get; } = [];

    public List<RouteTableInfo> RouteTables { get; } = [];

    public List<FlowLogInfo> FlowLogs { get; } = [];

    public List<AlertRuleInfo> Rules { get; } = [];

    public Dictionary<string, List<TopicSubscription>> Subscriptions { get; } = new(StringComparer.Ordinal);

    public List<TrailInfo> Trails { get; } = [];

    public Dictionary<string, SecretRotationInfo> Secrets { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, UserListResult> UserLists { get; } = new(StringComparer.Ordinal);

    public Dictionary<Color, string> CryptoUsers { get; } = new() { [Color.Blue] = "app_cu", [Color.Green] = "app_cu" };

    /// <summary>Reads of these operations throw, as an access-denied adapter would.</summary>
    public HashSet<string> Denied { get; } = new(StringComparer.Ordinal);

    public StackOutputs Outputs { get; } = new("arn:alb", "arn:listener", "alb.example", new Dictionary<Color, SlotOutputs>
    {
        [Color.Blue] = Slot(Color.Blue),
        [Color.Green] = Slot(Color.Green),
    });

    public static AuditAccount Healthy()
    {
        var account = new AuditAccount();
        foreach (var color in new[] { Color.Blue, Color.Green })
        {
            var slot = Slot(color);
            account.Clusters[slot.ClusterId] = new(slot.ClusterId, ClusterState.Active, null, slot.ClusterSecurityGroupId,
                [new($"hsm-{color.Key()}a", "eu-west-1a", SubnetA, HsmState.Active), new($"hsm-{color.Key()}b", "eu-west-1b", SubnetB, HsmState.Active)]);
            account.Backups[slot.ClusterId] = [new($"backup-{color.Key()}", slot.ClusterId, "READY", Now.AddHours(-20), false)];
            account.SecurityGroups[slot.ClusterSecurityGroupId] = [new("tcp", 2223, 2225, [], [ClientGroup])];
            account.Secrets[slot.SecretArn] = new($"hsm-prod-{color.Key()}-crypto-user", false, null, Now.AddDays(-10));
            account.UserLists[slot.AdminInstanceId] = new(new(HsmCommandOutcome.Succeeded, "listed"), [new("app_cu", "crypto-user", "false", "full", false)]);
        }

        account.Subnets.AddRange([new(SubnetA, Vpc, "eu-west-1a", false), new(SubnetB, Vpc, "eu-west-1b", false)]);
        account.RouteTables.Add(new("rtb-main", true, [], [new("10.0.0.0/16", "local"), new("0.0.0.0/0", "nat-0123")]));
        account.FlowLogs.Add(new("fl-vpc", Vpc, "ACTIVE", "ALL"));
        const string Pattern = """{"source":["aws.cloudhsm"],"detail":{"eventName":["DeleteCluster","DeleteHsm","DeleteBackup","CopyBackupToRegion","PutResourcePolicy"]}}""";
        account.Rules.Add(new("hsm-prod-destructive", true, Pattern, [Topic]));
        account.Subscriptions[Topic] = [new("email", true)];
        account.Trails.Add(new("org-trail", "us-east-1", true, true));
        return account;
    }

    public const string SubnetA = "subnet-0aaa1111";
    public const string SubnetB = "subnet-0bbb2222";
    public const string Topic = "arn:aws:sns:eu-west-1:123456789012:hsm-prod-alerts";

    public static SlotOutputs Slot(Color color) => new(
        $"cluster-{color.Key()}", $"sg-{color.Key()}cluster", $"arn:tg-{color.Key()}", $"hsm-prod-{color.Key()}-app",
        $"arn:aws:secretsmanager:eu-west-1:123456789012:secret:hsm-prod-{color.Key()}-crypto-user-AbCdEf", $"i-{color.Key()}admin");

    public AuditSession Session(AuditLimits? limits = null) =>
        new(Region, Outputs, CryptoUsers, Now, limits ?? AuditLimits.Default, new AuditPorts(this, this, this));

    public async Task<AuditFinding> RunAsync(IAuditCheck check) =>
        (await AuditRunner.RunAsync(Session(), [check], CancellationToken.None)).Single();

    public Task<IReadOnlyList<IngressRule>?> DescribeIngressAsync(string securityGroupId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<IngressRule>?>("DescribeSecurityGroups", SecurityGroups.GetValueOrDefault(securityGroupId));

    public Task<IReadOnlyList<SubnetInfo>> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<SubnetInfo>>("DescribeSubnets", [.. Subnets.Where(s => subnetIds.Contains(s.SubnetId))]);

    public Task<IReadOnlyList<RouteTableInfo>> DescribeRouteTablesAsync(string vpcId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<RouteTableInfo>>("DescribeRouteTables", RouteTables);

    public Task<IReadOnlyList<FlowLogInfo>> DescribeFlowLogsAsync(IReadOnlyList<string> resourceIds, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<FlowLogInfo>>("DescribeFlowLogs", [.. FlowLogs.Where(f => resourceIds.Contains(f.ResourceId))]);

    public Task<IReadOnlyList<AlertRuleInfo>> ListAlertRulesAsync(CancellationToken cancellationToken) => Read<IReadOnlyList<AlertRuleInfo>>("ListRules", Rules);

    public Task<IReadOnlyList<TopicSubscription>> ListSubscriptionsAsync(string topicArn, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<TopicSubscription>>("ListSubscriptionsByTopic", Subscriptions.GetValueOrDefault(topicArn) ?? []);

    public Task<IReadOnlyList<TrailInfo>> DescribeTrailsAsync(CancellationToken cancellationToken) => Read<IReadOnlyList<TrailInfo>>("DescribeTrails", Trails);

    public Task<SecretRotationInfo> DescribeSecretRotationAsync(string secretId, CancellationToken cancellationToken) => Read("DescribeSecret", Secrets[secretId]);

    public Task<ClusterStatus?> DescribeClusterAsync(string clusterId, CancellationToken cancellationToken) => Read("DescribeClusters", Clusters.GetValueOrDefault(clusterId));

    public Task<IReadOnlyList<BackupInfo>> DescribeBackupsAsync(string clusterId, CancellationToken cancellationToken) =>
        Read<IReadOnlyList<BackupInfo>>("DescribeBackups", Backups.GetValueOrDefault(clusterId) ?? []);

    public Task<BackupInfo?> DescribeBackupAsync(string backupId, CancellationToken cancellationToken) =>
        Read("DescribeBackups", Backups.Values.SelectMany(b => b).FirstOrDefault(b => b.BackupId == backupId));

    public Task<UserListResult> ListUsersAsync(HsmUserTarget target, CancellationToken cancellationToken) => Read("ListUsers", UserLists[target.InstanceId]);

    public Task<HsmCommandResult> ChangePasswordAsync(HsmUserTarget target, SecretVersionRef current, SecretVersionRef next, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the audit never changes a password");

    public Task<SentChange> FindChangeAsync(HsmUserTarget target, SecretVersionRef next, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the audit never looks for a password change");

    public Task<HsmCommandResult> LoginAsync(HsmUserTarget target, SecretVersionRef credential, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the audit never logs in");

    public Task<KeySharingResult> ListKeySharingAsync(HsmUserTarget target, SecretVersionRef credential, string label, CancellationToken cancellationToken) =>
        throw new InvalidOperationException("the audit never logs in to list keys");

    private Task<T> Read<T>(string operation, T value) =>
        Denied.Contains(operation)
            ? throw new InvalidOperationException($"{operation} denied: User is not authorized to perform it")
            : Task.FromResult(value);
}
