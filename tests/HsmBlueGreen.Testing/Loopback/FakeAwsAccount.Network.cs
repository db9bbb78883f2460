using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

public sealed record FakeIngress(string Protocol, int? FromPort, int? ToPort, IReadOnlyList<string> Cidrs, IReadOnlyList<string> Groups, IReadOnlyList<string>? Ipv6Cidrs = null);

public sealed record FakeSecurityGroup(string GroupId, string VpcId, IReadOnlyList<FakeIngress> Ingress);

public sealed record FakeSubnet(string SubnetId, string VpcId, string AvailabilityZone, bool MapPublicIpOnLaunch = false);

/// <summary>Routes as (destination, target): a "nat-" target is a NAT gateway, anything else (igw-, local) a gateway.</summary>
public sealed record FakeRouteTable(string RouteTableId, string VpcId, bool Main, IReadOnlyList<string> SubnetIds, IReadOnlyList<(string Destination, string Target)> Routes);

public sealed record FakeFlowLog(string FlowLogId, string ResourceId, string Status = "ACTIVE", string TrafficType = "ALL");

/// <summary>EC2 for the audit: security groups, subnets, route tables and flow logs, filtered and paged as EC2 does.</summary>
public sealed partial class FakeAwsAccount
{
    private readonly List<FakeSecurityGroup> securityGroups = [];
    private readonly List<FakeSubnet> subnets = [];
    private readonly List<FakeRouteTable> routeTables = [];
    private readonly List<FakeFlowLog> flowLogs = [];

    /// <summary>Adds the group, replacing one with the same id.</summary>
    public FakeAwsAccount AddSecurityGroup(FakeSecurityGroup group) => Locked(() =>
    {
        securityGroups.RemoveAll(g => g.GroupId == group.GroupId);
        securityGroups.Add(group);
    });

    public FakeAwsAccount AddSubnet(FakeSubnet subnet) => Locked(() => subnets.Add(subnet));

    public FakeAwsAccount AddRouteTable(FakeRouteTable table) => Locked(() => routeTables.Add(table));

    public FakeAwsAccount AddFlowLog(FakeFlowLog log) => Locked(() => flowLogs.Add(log));

    private FakeAwsAccount Locked(Action change)
    {
        lock (gate)
        {
            change();
        }

        return this;
    }

    private JsonObject DescribeSecurityGroups(JsonObject input)
    {
        var ids = Strings(input["GroupIds"]).ToList();
        var missing = ids.FirstOrDefault(id => securityGroups.All(g => g.GroupId != id));
        if (missing is not null)
        {
            throw AwsFault.NotFound("InvalidGroup.NotFound", $"The security group '{missing}' does not exist");
        }

        var (page, next) = Page([.. securityGroups.Where(g => ids.Count == 0 || ids.Contains(g.GroupId))], OptStr(input, "NextToken"));
        return new JsonObject { ["SecurityGroups"] = Array(page.Select(g => new JsonObject
        {
            ["GroupId"] = g.GroupId, ["GroupName"] = g.GroupId + "-name", ["VpcId"] = g.VpcId,
            ["IpPermissions"] = Array(g.Ingress.Select(Permission)),
        })) }.WithOptional("NextToken", next);
    }

    private JsonObject DescribeSubnets(JsonObject input)
    {
        var wanted = FilterValues(input["Filters"], "subnet-id");
        var (page, next) = Page([.. subnets.Where(s => wanted is null || wanted.Contains(s.SubnetId))], OptStr(input, "NextToken"));
        return new JsonObject { ["Subnets"] = Array(page.Select(s => new JsonObject
        {
            ["SubnetId"] = s.SubnetId, ["VpcId"] = s.VpcId, ["AvailabilityZone"] = s.AvailabilityZone, ["MapPublicIpOnLaunch"] = s.MapPublicIpOnLaunch,
        })) }.WithOptional("NextToken", next);
    }

    private JsonObject DescribeRouteTables(JsonObject input)
    {
        var vpcs = FilterValues(input["Filters"], "vpc-id");
        var (page, next) = Page([.. routeTables.Where(t => vpcs is null || vpcs.Contains(t.VpcId))], OptStr(input, "NextToken"));
        return new JsonObject { ["RouteTables"] = Array(page.Select(t => new JsonObject
        {
            ["RouteTableId"] = t.RouteTableId, ["VpcId"] = t.VpcId,
            ["Associations"] = Array((t.Main ? [new JsonObject { ["Main"] = true, ["RouteTableId"] = t.RouteTableId }] : Enumerable.Empty<JsonObject>())
                .Concat(t.SubnetIds.Select(s => new JsonObject { ["Main"] = false, ["RouteTableId"] = t.RouteTableId, ["SubnetId"] = s }))),
            ["Routes"] = Array(t.Routes.Select(r => new JsonObject
            {
                ["DestinationCidrBlock"] = r.Destination, [r.Target.StartsWith("nat-", StringComparison.Ordinal) ? "NatGatewayId" : "GatewayId"] = r.Target, ["State"] = "active",
            })),
        })) }.WithOptional("NextToken", next);
    }

    private JsonObject DescribeFlowLogs(JsonObject input)
    {
        var resources = FilterValues(input["Filter"], "resource-id");
        var (page, next) = Page([.. flowLogs.Where(f => resources is null || resources.Contains(f.ResourceId))], OptStr(input, "NextToken"));
        return new JsonObject { ["FlowLogs"] = Array(page.Select(f => new JsonObject
        {
            ["FlowLogId"] = f.FlowLogId, ["ResourceId"] = f.ResourceId, ["FlowLogStatus"] = f.Status, ["TrafficType"] = f.TrafficType,
        })) }.WithOptional("NextToken", next);
    }

    private static JsonObject Permission(FakeIngress rule)
    {
        var permission = new JsonObject
        {
            ["IpProtocol"] = rule.Protocol,
            ["IpRanges"] = Array(rule.Cidrs.Select(c => new JsonObject { ["CidrIp"] = c })),
            ["Ipv6Ranges"] = Array((rule.Ipv6Cidrs ?? []).Select(c => new JsonObject { ["CidrIpv6"] = c })),
            ["UserIdGroupPairs"] = Array(rule.Groups.Select(g => new JsonObject { ["GroupId"] = g, ["UserId"] = "123456789012" })),
        };
        if (rule.FromPort is not null)
        {
            permission["FromPort"] = rule.FromPort;
            permission["ToPort"] = rule.ToPort;
        }

        return permission;
    }

    /// <summary>The values of the named filter, or null when the request has no such filter (everything matches).</summary>
    private static HashSet<string>? FilterValues(JsonNode? filters, string name) =>
        filters?.AsArray().Where(f => Str(f!.AsObject(), "Name") == name).Select(f => Strings(f!["Values"]).ToHashSet(StringComparer.Ordinal)).FirstOrDefault();

    private static JsonArray Array(IEnumerable<JsonObject> items) => new([.. items.Select(i => (JsonNode)i)]);
}
