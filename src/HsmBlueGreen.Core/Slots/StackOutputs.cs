namespace HsmBlueGreen.Core.Slots;

/// <summary>What the step program needs from one slot of a deployed stack.</summary>
public sealed record SlotOutputs(
    string ClusterId,
    string ClusterSecurityGroupId,
    string TargetGroupArn,
    string AppGroupName,
    string SecretArn,
    string AdminInstanceId);

/// <summary>The deployed stack as the step program sees it: the shared load balancer and each slot present.</summary>
public sealed record StackOutputs(
    string LoadBalancerArn,
    string ListenerArn,
    string AlbDnsName,
    IReadOnlyDictionary<Color, SlotOutputs> Slots);
