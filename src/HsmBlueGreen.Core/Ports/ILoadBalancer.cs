namespace HsmBlueGreen.Core.Ports;

/// <summary>The ALB listener that splits traffic between the slots' target groups, and target health.</summary>
public interface ILoadBalancer
{
    Task<ListenerState> GetListenerAsync(string listenerArn, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the listener's default forward action with these weights. Every slot's target group is listed,
    /// one without traffic at an explicit weight 0 (TargetGroupTuple allows 0-999): ELB health-checks only target
    /// groups a listener or rule forwards to, and reports the targets of any other group `unused` (Target.NotInUse).
    /// </summary>
    Task SetWeightsAsync(string listenerArn, IReadOnlyList<TargetGroupWeight> weights, int? stickinessSeconds, CancellationToken cancellationToken);

    Task<IReadOnlyList<TargetHealth>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken);

    /// <summary>Every rule of the listener (DescribeRules), the default rule included.</summary>
    Task<IReadOnlyList<ListenerRule>> GetRulesAsync(string listenerArn, CancellationToken cancellationToken);
}

/// <summary>
/// A listener rule: its conditions and the target groups its forward action sends to (a forward action naming a
/// single TargetGroupArn counts as weight 1; a rule without a forward action forwards nowhere).
/// </summary>
public sealed record ListenerRule(string RuleArn, bool IsDefault, IReadOnlyList<RuleCondition> Conditions, IReadOnlyList<TargetGroupWeight> Forward);

/// <summary>One condition: its Field, and for `http-header` the header name and values (HttpHeaderConfig).</summary>
public sealed record RuleCondition(string Field, string? HttpHeaderName, IReadOnlyList<string> Values);

public sealed record TargetGroupWeight(string TargetGroupArn, int Weight);

/// <summary>The listener's default forward action. <paramref name="StickinessSeconds"/> is null when stickiness is off.</summary>
public sealed record ListenerState(string ListenerArn, IReadOnlyList<TargetGroupWeight> Weights, int? StickinessSeconds);

public enum TargetHealthState
{
    Unknown,
    Initial,
    Healthy,
    Unhealthy,
    UnhealthyDraining,
    Unused,
    Draining,
    Unavailable,
}

public sealed record TargetHealth(string TargetId, TargetHealthState State, string? Reason);
