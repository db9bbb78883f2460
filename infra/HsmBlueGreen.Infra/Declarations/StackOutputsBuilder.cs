using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Model;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>The stack outputs the step program reads, under the names Core's StackOutputNames fixes for both sides.</summary>
internal sealed class StackOutputsBuilder
{
    private readonly List<KeyValuePair<string, string>> outputs = [];

    public IReadOnlyList<KeyValuePair<string, string>> All => outputs;

    public void AddShared(Resource loadBalancer, Resource listener)
    {
        Add(StackOutputNames.LoadBalancerArn, loadBalancer.Output("arn"));
        Add(StackOutputNames.ListenerArn, listener.Output("arn"));
        Add(StackOutputNames.AlbDnsName, loadBalancer.Output("dnsName"));
    }

    public void AddSlot(Color color, ClusterResources cluster, Resource targetGroup, Resource appGroup, Resource secret, Resource adminHost)
    {
        Add(StackOutputNames.ClusterId(color), cluster.ClusterId);
        Add(StackOutputNames.ClusterSecurityGroupId(color), cluster.SecurityGroupId);
        Add(StackOutputNames.TargetGroupArn(color), targetGroup.Output("arn"));
        Add(StackOutputNames.AppGroupName(color), appGroup.Output("name"));
        Add(StackOutputNames.SecretArn(color), secret.Output("arn"));
        Add(StackOutputNames.AdminInstanceId(color), adminHost.Output("id"));
    }

    private void Add(string name, string value) => outputs.Add(KeyValuePair.Create(name, value));
}
