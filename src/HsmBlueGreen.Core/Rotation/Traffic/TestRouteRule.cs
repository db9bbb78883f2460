using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Traffic;

/// <summary>
/// Whether the listener holds a slot's test route as the infra program declares it. Without one, a request with the
/// slot's header falls through to the default action and the serving slot answers, so a smoke check would pass
/// without ever reaching the target.
/// </summary>
internal static class TestRouteRule
{
    /// <summary>
    /// One condition, http-header <see cref="TestRoute.HeaderName"/> with exactly the slot's value, forwarding only
    /// to its target group. ELB compares header names and values case-insensitively (HttpHeaderConditionConfig).
    /// </summary>
    public static bool Routes(ListenerRule rule, Color color, string targetGroupArn) =>
        !rule.IsDefault
        && rule.Conditions is [{ Field: "http-header" } condition]
        && string.Equals(condition.HttpHeaderName, TestRoute.HeaderName, StringComparison.OrdinalIgnoreCase)
        && condition.Values is [var value]
        && string.Equals(value, TestRoute.HeaderValue(color), StringComparison.OrdinalIgnoreCase)
        && rule.Forward.Any(w => w.Weight > 0 && string.Equals(w.TargetGroupArn, targetGroupArn, StringComparison.Ordinal))
        && rule.Forward.All(w => w.Weight == 0 || string.Equals(w.TargetGroupArn, targetGroupArn, StringComparison.Ordinal));

    public static async Task<bool> ExistsAsync(RotationRun run, StackObservation observed)
    {
        var rules = await run.Ports.LoadBalancer.GetRulesAsync(observed.ListenerArn, run.CancellationToken).ConfigureAwait(false);
        return rules.Any(r => Routes(r, run.Target, observed.Target.TargetGroupArn));
    }
}
