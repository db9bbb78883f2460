using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>
/// A small in-memory AWS account behind <see cref="LoopbackAwsServer"/>: clusters and backups, a listener
/// and target groups, secrets, auto scaling groups, SSM command results, metrics and the caller, and for the
/// audit security groups, subnets, route tables, flow logs, alert rules, topic subscriptions and trails. Set it up
/// through the Add*/Set* methods; it answers the operations in the fixture and throws
/// <see cref="AwsFault"/> for the errors AWS would return. Unknown operations are a test bug, not a 404.
/// </summary>
public sealed partial class FakeAwsAccount
{
    private readonly object gate = new();
    private readonly Dictionary<string, string> denied = new(StringComparer.Ordinal);

    public string AccountId { get; set; } = "123456789012";

    public string CallerArn { get; set; } = "arn:aws:sts::123456789012:assumed-role/hsm-rotate-operator/alice";

    /// <summary>The service's clock: stamps a new secret version's CreatedDate. It is <see cref="Clock"/> unless a test pins it.</summary>
    public Func<DateTimeOffset> Now
    {
        get => now ?? (() => Clock.GetUtcNow());
        set => now = value;
    }

    private Func<DateTimeOffset>? now;

    /// <summary>The next calls of <paramref name="operation"/> are refused as IAM would, naming the action, resource and caller.</summary>
    public FakeAwsAccount Deny(string operation, string resource)
    {
        lock (gate)
        {
            denied[operation] = resource;
        }

        return this;
    }

    public JsonObject? Handle(string service, string operation, JsonObject input)
    {
        lock (gate)
        {
            if (denied.TryGetValue(operation, out var resource))
            {
                var prefix = service switch { "elbv2" => "elasticloadbalancing", "cloudhsmv2" => "cloudhsm", "monitoring" => "cloudwatch", _ => service };
                var query = service is "elbv2" or "autoscaling" or "monitoring" or "sts" or "ec2" or "sns";
                throw new AwsFault(
                    query ? 403 : 400,
                    query ? "AccessDenied" : "AccessDeniedException",
                    $"User: {CallerArn} is not authorized to perform: {prefix}:{operation} on resource: {resource} because no identity-based policy allows the {prefix}:{operation} action");
            }

            return (service, operation) switch
            {
                ("cloudhsmv2", "DescribeClusters") => DescribeClusters(input),
                ("cloudhsmv2", "DescribeBackups") => DescribeBackups(input),
                ("elbv2", "DescribeListeners") => DescribeListeners(input),
                ("elbv2", "ModifyListener") => ModifyListener(input),
                ("elbv2", "DescribeTargetHealth") => DescribeTargetHealth(input),
                ("elbv2", "DescribeRules") => DescribeRules(input),
                ("secretsmanager", "DescribeSecret") => DescribeSecret(input),
                ("secretsmanager", "GetSecretValue") => GetSecretValue(input),
                ("secretsmanager", "ListSecretVersionIds") => ListSecretVersionIds(input),
                ("secretsmanager", "PutSecretValue") => PutSecretValue(input),
                ("secretsmanager", "UpdateSecretVersionStage") => UpdateSecretVersionStage(input),
                ("secretsmanager", "GetRandomPassword") => GetRandomPassword(input),
                ("secretsmanager", "TagResource") => TagResource(input),
                ("secretsmanager", "UntagResource") => UntagResource(input),
                ("autoscaling", "DescribeAutoScalingGroups") => DescribeAutoScalingGroups(input),
                ("autoscaling", "SetDesiredCapacity") => SetDesiredCapacity(input),
                ("ssm", "SendCommand") => SendCommand(input),
                ("ssm", "GetCommandInvocation") => GetCommandInvocation(input),
                ("ssm", "ListCommands") => ListCommands(input),
                ("monitoring", "GetMetricData") => GetMetricData(input),
                ("ec2", "DescribeSecurityGroups") => DescribeSecurityGroups(input),
                ("ec2", "DescribeSubnets") => DescribeSubnets(input),
                ("ec2", "DescribeRouteTables") => DescribeRouteTables(input),
                ("ec2", "DescribeFlowLogs") => DescribeFlowLogs(input),
                ("events", "ListRules") => ListRules(input),
                ("events", "ListTargetsByRule") => ListTargetsByRule(input),
                ("sns", "ListSubscriptionsByTopic") => ListSubscriptionsByTopic(input),
                ("cloudtrail", "DescribeTrails") => DescribeTrails(),
                ("cloudtrail", "GetTrailStatus") => GetTrailStatus(input),
                ("sts", "GetCallerIdentity") => new JsonObject { ["Account"] = AccountId, ["Arn"] = CallerArn, ["UserId"] = "AROALOOPBACK:alice" },
                _ => throw new InvalidOperationException($"the fake account does not implement {service}.{operation}"),
            };
        }
    }

    private static string Str(JsonObject input, string name) => input[name]?.GetValue<string>() ?? string.Empty;

    private static string? OptStr(JsonObject input, string name) => input[name]?.GetValue<string>();

    private static IEnumerable<string> Strings(JsonNode? array) => array?.AsArray().Select(n => n!.GetValue<string>()) ?? [];

    /// <summary>Numbers arrive as long (Query) or int/double (JSON); read them by their text.</summary>
    private static int Int(JsonNode? node) => (int)long.Parse(node!.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture);

    private static double Epoch(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 1000.0;
}
