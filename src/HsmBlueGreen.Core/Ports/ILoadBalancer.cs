namespace HsmBlueGreen.Core.Ports;

/// <summary>The ALB listener that splits traffic between the slots' target groups, and target health.</summary>
public interface ILoadBalancer
{
    Task<ListenerState> GetListenerAsync(string listenerArn, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the listener's default forward action with these weights. A target group with weight 0
    /// must be left out of the request (a 0 can land as 1 and take traffic; pulumi-aws issue 5772).
    /// </summary>
    Task SetWeightsAsync(string listenerArn, IReadOnlyList<TargetGroupWeight> weights, int? stickinessSeconds, CancellationToken cancellationToken);

    Task<IReadOnlyList<TargetHealth>> GetTargetHealthAsync(string targetGroupArn, CancellationToken cancellationToken);
}

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
