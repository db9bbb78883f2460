using System.Globalization;
using HsmBlueGreen.Aws.Tests.Loopback;
using HsmBlueGreen.Core.Tests.Rotation.Fakes;
using YamlDotNet.RepresentationModel;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;

/// <summary>
/// What the AWS provider does to the loopback account for each resource type the program declares: the types the
/// rotation reads (cluster, HSM, target group, group, secret, admin instance, listener, test route) change the
/// account; the others (roles, security groups, alerts, ...) the account does not model and only get an id. A type
/// in neither list is refused, so the program cannot declare something this fake silently ignores.
/// </summary>
internal sealed class AccountEffects(FakeAwsAccount account, FakeClock clock, IReadOnlyDictionary<string, string> zoneOfSubnet)
{
    /// <summary>Types with no effect the rotation can observe through the APIs the loopback account serves.</summary>
    public static readonly IReadOnlySet<string> Unobserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "aws:ec2:SecurityGroup", "aws:vpc:SecurityGroupIngressRule", "aws:vpc:SecurityGroupEgressRule", "aws:ec2:LaunchTemplate",
        "aws:iam:Role", "aws:iam:RolePolicy", "aws:iam:InstanceProfile", "aws:lb:LoadBalancer", "aws:ec2:FlowLog",
        "aws:cloudwatch:LogGroup", "aws:cloudwatch:EventRule", "aws:cloudwatch:EventTarget", "aws:sns:Topic", "aws:sns:TopicPolicy",
        "aws:sns:TopicSubscription",
    };

    public static readonly IReadOnlySet<string> Observed = new HashSet<string>(StringComparer.Ordinal)
    {
        "aws:cloudhsmv2:Cluster", "aws:cloudhsmv2:Hsm", "aws:lb:TargetGroup", "aws:autoscaling:Group", "aws:secretsmanager:Secret",
        "aws:ec2:Instance", "aws:lb:Listener", "aws:lb:ListenerRule",
    };

    private int serial;

    /// <summary>Called with each cluster restored from a backup (e.g. to give its admin host the backup's passwords).</summary>
    public Action<FakeCluster>? Restored { get; set; }

    /// <summary>Creates the resource; the provider returns once a cluster or HSM is ACTIVE unless <paramref name="waitForActive"/> is false.</summary>
    public Dictionary<string, string> Create(DeclaredResource resource, Func<string, string> resolve, bool waitForActive = true)
    {
        var id = $"{resource.Name}-{++serial:x7}";
        switch (resource.Type)
        {
            case "aws:cloudhsmv2:Cluster":
            {
                var subnets = Strings(resource, "subnetIds").Select(resolve).ToDictionary(s => zoneOfSubnet[s], s => s);
                var cluster = account.RestoreCluster(resource.Property("sourceBackupIdentifier") ?? throw new InvalidOperationException($"{resource.Name}: the loopback pulumi restores clusters from backups only"), subnets, Tags(resource));
                Restored?.Invoke(cluster);
                WaitUntil(() => account.ClusterNow(cluster.ClusterId).State == "ACTIVE", waitForActive);
                return new() { ["id"] = cluster.ClusterId, ["clusterId"] = cluster.ClusterId, ["securityGroupId"] = cluster.SecurityGroup };
            }

            case "aws:cloudhsmv2:Hsm":
            {
                var clusterId = resolve(resource.Property("clusterId")!);
                var hsm = account.CreateHsm(clusterId, zoneOfSubnet[resolve(resource.Property("subnetId")!)]);
                WaitUntil(() => account.ClusterNow(clusterId).Hsms.Single(h => h.HsmId == hsm.HsmId).State == "ACTIVE", waitForActive);
                return new() { ["id"] = hsm.HsmId, ["hsmId"] = hsm.HsmId, ["clusterId"] = clusterId };
            }

            case "aws:lb:TargetGroup":
            {
                var arn = $"arn:aws:elasticloadbalancing:eu-west-1:{account.AccountId}:targetgroup/{resource.Name}-{serial:x4}/{serial:x16}";
                // The group's instance registers and passes its checks; instances are otherwise not modelled.
                account.SetTargets(arn, new FakeTarget($"i-{serial:x17}", "healthy"));
                return new() { ["id"] = arn, ["arn"] = arn, ["name"] = $"{resource.Name}-{serial:x4}" };
            }

            case "aws:autoscaling:Group":
                account.AddGroup(new FakeGroup(id, Int(resource, "minSize"), Int(resource, "maxSize"), Int(resource, "desiredCapacity"), []));
                return new() { ["id"] = id, ["name"] = id, ["arn"] = $"arn:aws:autoscaling:eu-west-1:{account.AccountId}:autoScalingGroup:{id}" };

            case "aws:secretsmanager:Secret":
            {
                var secret = account.AddSecret(resource.Property("namePrefix") + serial.ToString("x8", CultureInfo.InvariantCulture));
                return new() { ["id"] = secret.Arn, ["arn"] = secret.Arn, ["name"] = secret.Name };
            }

            case "aws:ec2:Instance":
            {
                var instance = $"i-{0xa0000 + serial:x17}";
                account.AddManagedInstance(instance);
                return new() { ["id"] = instance };
            }

            case "aws:lb:Listener":
                throw new InvalidOperationException("the loopback pulumi takes the listener as deployed; it only updates its forward action");

            case "aws:lb:ListenerRule":
            {
                var targetGroup = resolve(Action(resource)["targetGroupArn"]);
                account.AddListenerRule(resolve(resource.Property("listenerArn")!), targetGroup, "X-Hsm-Slot", resource.Name.Split('-')[0]);
                return new() { ["id"] = id, ["arn"] = id, ["targetGroupArn"] = targetGroup };
            }

            case var type when Unobserved.Contains(type):
                return new() { ["id"] = id, ["arn"] = $"arn:aws:loopback:::{id}", ["name"] = id };

            default:
                throw new InvalidOperationException($"the loopback pulumi does not model {resource.Type} ({resource.Name})");
        }
    }

    /// <summary>An update in place: the listener's forward action, a cluster's tags, a group's sizes.</summary>
    public void Update(DeclaredResource resource, IReadOnlyDictionary<string, string> attributes, Func<string, string> resolve)
    {
        switch (resource.Type)
        {
            case "aws:lb:Listener":
                var forward = (YamlMappingNode)((YamlMappingNode)((YamlSequenceNode)resource.Properties.Children[new YamlScalarNode("defaultActions")]).Children[0]).Children[new YamlScalarNode("forward")];
                var groups = (YamlSequenceNode)forward.Children[new YamlScalarNode("targetGroups")];
                account.AddListener(attributes["arn"], [.. groups.Children.Cast<YamlMappingNode>().Select(g => (resolve(Scalar(g, "arn")), int.Parse(Scalar(g, "weight"), CultureInfo.InvariantCulture)))]);
                break;
            case "aws:cloudhsmv2:Cluster" when !resource.IsRead:
                account.SetClusterTags(attributes["clusterId"], Tags(resource));
                break;
            case "aws:autoscaling:Group":
                var group = account.Group(attributes["name"]);
                account.AddGroup(group with { MinSize = Int(resource, "minSize"), MaxSize = Int(resource, "maxSize") });
                break;
        }
    }

    public void Delete(string type, IReadOnlyDictionary<string, string> attributes, bool isRead)
    {
        switch (type)
        {
            case "aws:cloudhsmv2:Hsm":
                account.DeleteHsm(attributes["clusterId"], attributes["hsmId"]);
                break;
            case "aws:cloudhsmv2:Cluster" when !isRead:
                account.DeleteCluster(attributes["clusterId"]);
                break;
            case "aws:lb:TargetGroup":
                account.RemoveTargetGroup(attributes["arn"]);
                break;
            case "aws:lb:ListenerRule":
                account.RemoveListenerRule(attributes["targetGroupArn"]);
                break;
            case "aws:autoscaling:Group":
                account.RemoveGroup(attributes["name"]);
                break;
        }
    }

    /// <summary>The AWS provider polls until the resource is ACTIVE (its create timeout is 120 minutes); here the fake clock moves instead.</summary>
    private void WaitUntil(Func<bool> active, bool wait)
    {
        for (var polls = 0; wait && !active(); polls++)
        {
            Assert.True(polls < 240, "a resource did not become ACTIVE within the provider's 120-minute create timeout");
            clock.Advance(TimeSpan.FromSeconds(30));
        }
    }

    private static Dictionary<string, string> Action(DeclaredResource resource) =>
        ((YamlMappingNode)((YamlSequenceNode)resource.Properties.Children[new YamlScalarNode("actions")]).Children[0]).Children
            .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (c.Value as YamlScalarNode)?.Value ?? string.Empty);

    private static Dictionary<string, string> Tags(DeclaredResource resource) =>
        resource.Properties.Children.TryGetValue(new YamlScalarNode("tags"), out var tags)
            ? ((YamlMappingNode)tags).Children.ToDictionary(t => ((YamlScalarNode)t.Key).Value!, t => ((YamlScalarNode)t.Value).Value!)
            : [];

    private static IEnumerable<string> Strings(DeclaredResource resource, string name) =>
        ((YamlSequenceNode)resource.Properties.Children[new YamlScalarNode(name)]).Children.Select(c => ((YamlScalarNode)c).Value!);

    private static int Int(DeclaredResource resource, string name) => int.Parse(resource.Property(name)!, CultureInfo.InvariantCulture);

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map.Children[new YamlScalarNode(key)]).Value!;
}
