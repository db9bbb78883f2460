namespace HsmBlueGreen.Core.Policies;

/// <summary>
/// Every AWS operation the adapters call, and nothing else: the transport refuses an operation that is not
/// here, and the operator and audit policies are generated from this list, so they cannot drift from the code.
/// </summary>
public static class OperationCatalogue
{
    private const OperationUse Both = OperationUse.Rotate | OperationUse.Audit;

    public static IReadOnlyList<AwsOperation> All { get; } =
    [
        CloudHsm.DescribeClusters, CloudHsm.DescribeBackups,
        LoadBalancing.DescribeListeners, LoadBalancing.ModifyListener, LoadBalancing.DescribeTargetHealth, LoadBalancing.DescribeRules,
        SecretsManager.DescribeSecret, SecretsManager.ListSecretVersionIds, SecretsManager.GetSecretValue, SecretsManager.PutSecretValue, SecretsManager.UpdateSecretVersionStage,
        SecretsManager.GetRandomPassword, SecretsManager.TagResource, SecretsManager.UntagResource,
        Ssm.SendCommand, Ssm.GetCommandInvocation, Ssm.ListCommands,
        AutoScaling.DescribeAutoScalingGroups, AutoScaling.SetDesiredCapacity,
        CloudWatch.GetMetricData,
        Sts.GetCallerIdentity,
        Ec2.DescribeSecurityGroups, Ec2.DescribeRouteTables, Ec2.DescribeSubnets, Ec2.DescribeFlowLogs,
        Events.ListRules, Events.ListTargetsByRule,
        Sns.ListSubscriptionsByTopic,
        CloudTrail.DescribeTrails, CloudTrail.GetTrailStatus,
    ];

    public static bool Contains(AwsOperation operation) => All.Contains(operation);

    public static IReadOnlyList<AwsOperation> UsedBy(OperationUse use) => [.. All.Where(o => o.UsedBy(use))];

    public static class CloudHsm
    {
        public static readonly AwsOperation DescribeClusters = new("cloudhsm", "DescribeClusters", OperationAccess.Read, Both);
        public static readonly AwsOperation DescribeBackups = new("cloudhsm", "DescribeBackups", OperationAccess.Read, Both);
    }

    public static class LoadBalancing
    {
        public static readonly AwsOperation DescribeListeners = new("elasticloadbalancing", "DescribeListeners", OperationAccess.Read, OperationUse.Rotate);
        public static readonly AwsOperation ModifyListener = new("elasticloadbalancing", "ModifyListener", OperationAccess.Write, OperationUse.Rotate, "arn:aws:elasticloadbalancing:*:*:listener/*");
        public static readonly AwsOperation DescribeTargetHealth = new("elasticloadbalancing", "DescribeTargetHealth", OperationAccess.Read, OperationUse.Rotate);

        /// <summary>The listener's rules: the smoke check first proves the target slot's test route exists.</summary>
        public static readonly AwsOperation DescribeRules = new("elasticloadbalancing", "DescribeRules", OperationAccess.Read, OperationUse.Rotate);
    }

    public static class SecretsManager
    {
        /// <summary>The rotation lock's tag keys: the only tags the operator may set or remove on a secret.</summary>
        public const string LockTagKeys = "hsm-rotate:lock-*";

        private const string Secret = "arn:aws:secretsmanager:*:*:secret:*";

        public static readonly AwsOperation DescribeSecret = new("secretsmanager", "DescribeSecret", OperationAccess.Read, Both, Secret);
        public static readonly AwsOperation GetSecretValue = new("secretsmanager", "GetSecretValue", OperationAccess.Read, OperationUse.Rotate, Secret);

        /// <summary>Each version's CreatedDate: which credential a backup of the serving cluster holds.</summary>
        public static readonly AwsOperation ListSecretVersionIds = new("secretsmanager", "ListSecretVersionIds", OperationAccess.Read, OperationUse.Rotate, Secret);
        public static readonly AwsOperation PutSecretValue = new("secretsmanager", "PutSecretValue", OperationAccess.Write, OperationUse.Rotate, Secret);
        public static readonly AwsOperation UpdateSecretVersionStage = new("secretsmanager", "UpdateSecretVersionStage", OperationAccess.Write, OperationUse.Rotate, Secret);
        public static readonly AwsOperation GetRandomPassword = new("secretsmanager", "GetRandomPassword", OperationAccess.Read, OperationUse.Rotate);
        public static readonly AwsOperation TagResource = new("secretsmanager", "TagResource", OperationAccess.Write, OperationUse.Rotate, Secret, LockTagKeys);
        public static readonly AwsOperation UntagResource = new("secretsmanager", "UntagResource", OperationAccess.Write, OperationUse.Rotate, Secret, LockTagKeys);
    }

    /// <summary>SendCommand also needs the AWS-RunShellScript document, which carries no stack tag (see <see cref="RunShellScriptDocument"/>).</summary>
    public static class Ssm
    {
        public const string RunShellScriptDocument = "arn:aws:ssm:*::document/AWS-RunShellScript";

        public static readonly AwsOperation SendCommand = new("ssm", "SendCommand", OperationAccess.Write, Both, "arn:aws:ec2:*:*:instance/*");
        public static readonly AwsOperation GetCommandInvocation = new("ssm", "GetCommandInvocation", OperationAccess.Read, Both);

        /// <summary>The command history, read when a change-password's result was lost to a crash (no resource-level scope).</summary>
        public static readonly AwsOperation ListCommands = new("ssm", "ListCommands", OperationAccess.Read, OperationUse.Rotate);
    }

    public static class AutoScaling
    {
        public static readonly AwsOperation DescribeAutoScalingGroups = new("autoscaling", "DescribeAutoScalingGroups", OperationAccess.Read, OperationUse.Rotate);
        public static readonly AwsOperation SetDesiredCapacity = new("autoscaling", "SetDesiredCapacity", OperationAccess.Write, OperationUse.Rotate, "arn:aws:autoscaling:*:*:autoScalingGroup:*:autoScalingGroupName/*");
    }

    public static class CloudWatch
    {
        public static readonly AwsOperation GetMetricData = new("cloudwatch", "GetMetricData", OperationAccess.Read, OperationUse.Rotate);
    }

    public static class Sts
    {
        public static readonly AwsOperation GetCallerIdentity = new("sts", "GetCallerIdentity", OperationAccess.Read, Both);
    }

    public static class Ec2
    {
        public static readonly AwsOperation DescribeSecurityGroups = new("ec2", "DescribeSecurityGroups", OperationAccess.Read, OperationUse.Audit);
        public static readonly AwsOperation DescribeRouteTables = new("ec2", "DescribeRouteTables", OperationAccess.Read, OperationUse.Audit);
        public static readonly AwsOperation DescribeSubnets = new("ec2", "DescribeSubnets", OperationAccess.Read, OperationUse.Audit);
        public static readonly AwsOperation DescribeFlowLogs = new("ec2", "DescribeFlowLogs", OperationAccess.Read, OperationUse.Audit);
    }

    public static class Events
    {
        public static readonly AwsOperation ListRules = new("events", "ListRules", OperationAccess.Read, OperationUse.Audit);
        public static readonly AwsOperation ListTargetsByRule = new("events", "ListTargetsByRule", OperationAccess.Read, OperationUse.Audit);
    }

    public static class Sns
    {
        public static readonly AwsOperation ListSubscriptionsByTopic = new("sns", "ListSubscriptionsByTopic", OperationAccess.Read, OperationUse.Audit);
    }

    public static class CloudTrail
    {
        public static readonly AwsOperation DescribeTrails = new("cloudtrail", "DescribeTrails", OperationAccess.Read, OperationUse.Audit);
        public static readonly AwsOperation GetTrailStatus = new("cloudtrail", "GetTrailStatus", OperationAccess.Read, OperationUse.Audit);
    }
}
