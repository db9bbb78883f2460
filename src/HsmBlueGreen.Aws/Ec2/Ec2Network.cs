using System.Xml.Linq;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Ec2;

/// <summary>The network half of the audit's inventory: EC2 security groups, subnets, route tables and flow logs, following nextToken.</summary>
public sealed class Ec2Network(AwsTransport transport)
{
    private readonly QueryProtocolClient client = new(transport, AwsService.Ec2);

    public async Task<IReadOnlyList<IngressRule>?> DescribeIngressAsync(string securityGroupId, CancellationToken cancellationToken)
    {
        try
        {
            var groups = await AllAsync(OperationCatalogue.Ec2.DescribeSecurityGroups, new QueryParameters().Add("GroupId.1", securityGroupId), "securityGroupInfo", cancellationToken).ConfigureAwait(false);
            var group = groups.FirstOrDefault(g => g.Text("groupId") == securityGroupId);
            return group?.Items("ipPermissions").Select(ToRule).ToList();
        }
        catch (AwsApiException ex) when (ex.IsCode("InvalidGroup.NotFound"))
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<SubnetInfo>> DescribeSubnetsAsync(IReadOnlyList<string> subnetIds, CancellationToken cancellationToken)
    {
        var subnets = await AllAsync(OperationCatalogue.Ec2.DescribeSubnets, Filter("subnet-id", subnetIds), "subnetSet", cancellationToken).ConfigureAwait(false);
        return [.. subnets.Select(s => new SubnetInfo(s.Text("subnetId") ?? string.Empty, s.Text("vpcId") ?? string.Empty, s.Text("availabilityZone") ?? string.Empty, s.Bool("mapPublicIpOnLaunch")))];
    }

    public async Task<IReadOnlyList<RouteTableInfo>> DescribeRouteTablesAsync(string vpcId, CancellationToken cancellationToken)
    {
        var tables = await AllAsync(OperationCatalogue.Ec2.DescribeRouteTables, Filter("vpc-id", [vpcId]), "routeTableSet", cancellationToken).ConfigureAwait(false);
        return [.. tables.Select(t => new RouteTableInfo(
            t.Text("routeTableId") ?? string.Empty,
            t.Items("associationSet").Any(a => a.Bool("main")),
            [.. t.Items("associationSet").Select(a => a.Text("subnetId")).OfType<string>()],
            [.. t.Items("routeSet").Select(ToRoute)]))];
    }

    public async Task<IReadOnlyList<FlowLogInfo>> DescribeFlowLogsAsync(IReadOnlyList<string> resourceIds, CancellationToken cancellationToken)
    {
        var logs = await AllAsync(OperationCatalogue.Ec2.DescribeFlowLogs, Filter("resource-id", resourceIds), "flowLogSet", cancellationToken).ConfigureAwait(false);
        return [.. logs.Select(f => new FlowLogInfo(f.Text("flowLogId") ?? string.Empty, f.Text("resourceId") ?? string.Empty, f.Text("flowLogStatus") ?? string.Empty, f.Text("trafficType") ?? string.Empty))];
    }

    private async Task<List<XElement>> AllAsync(AwsOperation operation, QueryParameters first, string listName, CancellationToken cancellationToken)
    {
        var items = new List<XElement>();
        string? token = null;
        do
        {
            var parameters = token is null ? first : first.Copy().Add("NextToken", token);
            var page = await client.CallAsync(operation, parameters, cancellationToken).ConfigureAwait(false);
            items.AddRange(page.Items(listName));
            token = page.Text("nextToken");
        }
        while (!string.IsNullOrEmpty(token));
        return items;
    }

    /// <summary>EC2 lists are "Name.N" with no ".member": Filter.1.Name and Filter.1.Value.N.</summary>
    private static QueryParameters Filter(string name, IReadOnlyList<string> values)
    {
        var parameters = new QueryParameters().Add("Filter.1.Name", name);
        for (var i = 0; i < values.Count; i++)
        {
            parameters.Add($"Filter.1.Value.{i + 1}", values[i]);
        }

        return parameters;
    }

    private static IngressRule ToRule(XElement permission) => new(
        permission.Text("ipProtocol") ?? string.Empty,
        permission.OptionalInt("fromPort"),
        permission.OptionalInt("toPort"),
        [.. permission.Items("ipRanges").Select(r => r.Text("cidrIp")).Concat(permission.Items("ipv6Ranges").Select(r => r.Text("cidrIpv6"))).Concat(permission.Items("prefixListIds").Select(p => p.Text("prefixListId"))).OfType<string>()],
        [.. permission.Items("groups").Select(g => g.Text("groupId")).OfType<string>()]);

    private static readonly string[] RouteTargets =
        ["gatewayId", "natGatewayId", "transitGatewayId", "egressOnlyInternetGatewayId", "vpcPeeringConnectionId", "networkInterfaceId", "instanceId", "localGatewayId", "carrierGatewayId"];

    private static RouteInfo ToRoute(XElement route) => new(
        route.Text("destinationCidrBlock") ?? route.Text("destinationIpv6CidrBlock") ?? route.Text("destinationPrefixListId") ?? string.Empty,
        RouteTargets.Select(route.Text).FirstOrDefault(t => t is not null) ?? string.Empty);
}
