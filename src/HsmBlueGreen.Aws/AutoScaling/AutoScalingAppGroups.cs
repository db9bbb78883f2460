using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.AutoScaling;

/// <summary>IAppGroups over Auto Scaling (Query): DescribeAutoScalingGroups and SetDesiredCapacity.</summary>
public sealed class AutoScalingAppGroups(AwsTransport transport) : IAppGroups
{
    private readonly QueryProtocolClient client = new(transport, AwsService.AutoScaling);

    public async Task<AppGroupState> DescribeAsync(string groupName, CancellationToken cancellationToken)
    {
        var result = await client.CallAsync(OperationCatalogue.AutoScaling.DescribeAutoScalingGroups, new QueryParameters().Add("AutoScalingGroupNames.member.1", groupName), cancellationToken).ConfigureAwait(false);
        var group = result.Members("AutoScalingGroups").FirstOrDefault(g => g.Text("AutoScalingGroupName") == groupName)
            ?? throw new AwsApiException($"auto scaling group {groupName} was not found; check the stack outputs (pulumi stack output) and the region.", AwsService.AutoScaling, "DescribeAutoScalingGroups", "GroupNotFound", null, null);
        var instances = group.Members("Instances").ToList();
        return new AppGroupState(
            groupName,
            group.Int("DesiredCapacity"),
            group.Int("MinSize"),
            group.Int("MaxSize"),
            instances.Count(i => i.Text("LifecycleState") == "InService"),
            instances.Count)
        {
            // EnteringStandby ends in Standby; neither is terminated by a scale-in.
            Standby = instances.Count(i => i.Text("LifecycleState") is "Standby" or "EnteringStandby"),
        };
    }

    public async Task SetDesiredCapacityAsync(string groupName, int desired, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters().Add("AutoScalingGroupName", groupName).Add("DesiredCapacity", desired).Add("HonorCooldown", false);
        await client.CallAsync(OperationCatalogue.AutoScaling.SetDesiredCapacity, parameters, cancellationToken).ConfigureAwait(false);
    }
}
