namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>Deleting what a stack removes: a target group (refused while a listener or rule forwards to it), an Auto Scaling group.</summary>
public sealed partial class FakeAwsAccount
{
    public void RemoveTargetGroup(string targetGroupArn)
    {
        lock (gate)
        {
            if (listeners.Values.Any(l => l.Weights.Any(w => w.Arn == targetGroupArn)) || listenerRules.Any(r => r.TargetGroupArn == targetGroupArn))
            {
                throw AwsFault.Invalid("ResourceInUse", $"Target group '{targetGroupArn}' is currently in use by a listener or a rule");
            }

            targetGroups.Remove(targetGroupArn);
        }
    }

    public void RemoveListenerRule(string targetGroupArn)
    {
        lock (gate)
        {
            listenerRules.RemoveAll(r => r.TargetGroupArn == targetGroupArn);
        }
    }

    public void RemoveGroup(string name)
    {
        lock (gate)
        {
            groups.Remove(name);
        }
    }
}
