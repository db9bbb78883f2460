namespace HsmBlueGreen.Core.Slots;

/// <summary>
/// The stack output names: a contract between the infrastructure program, which declares them,
/// and the stack adapter, which reads them. Both use this one table so they cannot drift.
/// </summary>
public static class StackOutputNames
{
    public const string LoadBalancerArn = "albArn";
    public const string ListenerArn = "listenerArn";
    public const string AlbDnsName = "albDnsName";

    public static string ClusterId(Color color) => color.Key() + "ClusterId";

    public static string ClusterSecurityGroupId(Color color) => color.Key() + "ClusterSecurityGroupId";

    public static string TargetGroupArn(Color color) => color.Key() + "TargetGroupArn";

    public static string AppGroupName(Color color) => color.Key() + "AppGroupName";

    public static string SecretArn(Color color) => color.Key() + "SecretArn";

    public static string AdminInstanceId(Color color) => color.Key() + "AdminInstanceId";
}
