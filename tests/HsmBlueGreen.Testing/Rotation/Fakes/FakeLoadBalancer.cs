using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>
/// The listener and target health as ELBv2 documents them: weights 0-999 (TargetGroupTuple), targets of a group
/// no forward action or rule uses reported `unused` / Target.NotInUse (TargetHealth), and the first read after a
/// ModifyListener still showing the previous forward action (eventual consistency, as a real account may).
/// </summary>
public sealed class FakeLoadBalancer(FakeAccount account) : ILoadBalancer
{
    public Task<ListenerState> GetListenerAsync(string listenerArn, CancellationToken cancellationToken)
    {
        account.Touch("lb.listener");
        var weights = account.StaleWeights ?? account.Weights;
        account.StaleWeights = null;
        return Task.FromResult(new ListenerState(listenerArn, weights, null));
    }

    public Task SetWeightsAsync(string listenerArn, IReadOnlyList<TargetGroupWeight> weights, int? stickinessSeconds, CancellationToken cancellationToken)
    {
        account.Touch("lb.set");
        if (weights.FirstOrDefault(w => w.Weight is < 0 or > 999) is { } outOfRange)
        {
            throw new InvalidOperationException($"ValidationError: weight {outOfRange.Weight} of {outOfRange.TargetGroupArn} is outside 0-999");
        }

        if (weights.FirstOrDefault(w => !account.Outputs.Values.Any(o => o.TargetGroupArn == w.TargetGroupArn)) is { } unknown)
        {
            throw new InvalidOperationException($"TargetGroupNotFound: {unknown.TargetGroupArn}");
        }

        account.StaleWeights = account.ReadsOneLate ? account.Weights : null;
        account.Weights = weights;
        account.WeightChanges++;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<TargetHealth>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken)
    {
        account.Touch("lb.health");
        var color = account.Outputs.Single(o => o.Value.TargetGroupArn == targetGroupArn).Key;
        var group = account.Groups[account.Outputs[color].AppGroupName];
        var inUse = account.Weights.Any(w => w.TargetGroupArn == targetGroupArn) || account.TestRoutes.Contains(targetGroupArn);
        var state = inUse ? account.ForcedHealth.GetValueOrDefault(targetGroupArn, TargetHealthState.Healthy) : TargetHealthState.Unused;
        var reason = inUse ? null : "Target.NotInUse";
        IReadOnlyList<TargetHealth> targets = Enumerable.Range(1, group.InService).Select(i => new TargetHealth($"i-{color.Key()}-{i}", state, reason)).ToList();
        return Task.FromResult(targets);
    }

    /// <summary>
    /// The listener's rules as DescribeRules lists them: each declared test route (one http-header condition
    /// forwarding to its slot's group), then the default rule carrying the listener's forward action.
    /// </summary>
    public Task<IReadOnlyList<ListenerRule>> GetRulesAsync(string listenerArn, CancellationToken cancellationToken)
    {
        account.Touch("lb.rules");
        var routes = account.Outputs.Where(o => account.TestRoutes.Contains(o.Value.TargetGroupArn)).Select(o => new ListenerRule(
            $"{listenerArn}/rule/{o.Key.Key()}",
            false,
            [new RuleCondition("http-header", TestRoute.HeaderName, [TestRoute.HeaderValue(o.Key)])],
            [new TargetGroupWeight(o.Value.TargetGroupArn, 1)]));
        IReadOnlyList<ListenerRule> rules = [.. routes, new ListenerRule($"{listenerArn}/rule/default", true, [], account.Weights)];
        return Task.FromResult(rules);
    }
}
