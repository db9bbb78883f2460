using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>The listener and target health. Like the real ALB it rejects a weight of 0 in a request (we must leave it out).</summary>
public sealed class FakeLoadBalancer(FakeAccount account) : ILoadBalancer
{
    public Task<ListenerState> GetListenerAsync(string listenerArn, CancellationToken cancellationToken)
    {
        account.Touch("lb.listener");
        return Task.FromResult(new ListenerState(listenerArn, account.Weights, null));
    }

    public Task SetWeightsAsync(string listenerArn, IReadOnlyList<TargetGroupWeight> weights, int? stickinessSeconds, CancellationToken cancellationToken)
    {
        account.Touch("lb.set");
        if (weights.Any(w => w.Weight == 0))
        {
            throw new InvalidOperationException("a weight of 0 must be left out of the forward action");
        }

        account.Weights = weights;
        account.WeightChanges++;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TargetHealth>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        account.Touch("lb.health");
        var color = account.Outputs.Single(o => o.Value.TargetGroupArn == targetGroupArn).Key;
        var group = account.Groups[account.Outputs[color].AppGroupName];
        var state = account.ForcedHealth.GetValueOrDefault(targetGroupArn, TargetHealthState.Healthy);
        IReadOnlyList<TargetHealth> targets = Enumerable.Range(1, group.InService).Select(i => new TargetHealth($"i-{color.Key()}-{i}", state, null)).ToList();
        return Task.FromResult(targets);
    }
}
