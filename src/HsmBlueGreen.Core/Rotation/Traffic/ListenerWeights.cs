using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Traffic;

/// <summary>The listener's forward action in the rotation's terms: the target slot's share in percent.</summary>
internal static class ListenerWeights
{
    /// <summary>
    /// The request for a split: both slots' target groups with explicit weights, 0 included. ELBv2 does not
    /// health-check a target group no listener or rule forwards to (TargetHealth `unused` / Target.NotInUse), and
    /// 0 is a valid weight (TargetGroupTuple: 0-999), so a slot without traffic stays listed at 0.
    /// </summary>
    public static IReadOnlyList<TargetGroupWeight> Request(StackObservation observed, int targetPercent) =>
    [
        new(observed.Source.TargetGroupArn, 100 - targetPercent),
        new(observed.Target.TargetGroupArn, targetPercent),
    ];

    /// <summary>Whether the forward action lists the target's group (at any weight), so ELB health-checks its targets.</summary>
    public static bool ListsTarget(StackObservation observed, ListenerState state) =>
        state.Weights.Any(w => string.Equals(w.TargetGroupArn, observed.Target.TargetGroupArn, StringComparison.Ordinal));

    /// <summary>The target's share in percent, or null when the listener forwards to a group that is neither slot's.</summary>
    public static int? TargetPercent(StackObservation observed, ListenerState state)
    {
        var known = new[] { observed.Source.TargetGroupArn, observed.Target.TargetGroupArn };
        if (state.Weights.Any(w => w.Weight > 0 && !known.Contains(w.TargetGroupArn, StringComparer.Ordinal)))
        {
            return null;
        }

        var total = state.Weights.Where(w => known.Contains(w.TargetGroupArn, StringComparer.Ordinal)).Sum(w => w.Weight);
        var target = state.Weights.Where(w => string.Equals(w.TargetGroupArn, observed.Target.TargetGroupArn, StringComparison.Ordinal)).Sum(w => w.Weight);
        return total == 0 ? null : (int)Math.Round(100.0 * target / total);
    }

    public static TrafficSplit Split(Color target, int targetPercent) =>
        target == Color.Green ? new(100 - targetPercent, targetPercent) : new(targetPercent, 100 - targetPercent);

    /// <summary>A weights event's fields: each slot's percent, which `retire` reads back to time the drain.</summary>
    public static Dictionary<string, string> EventData(RotationRun run, int targetPercent)
    {
        var split = Split(run.Target, targetPercent);
        return new Dictionary<string, string>
        {
            ["blue"] = split.Blue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["green"] = split.Green.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public static int? Stickiness(RotationRun run) =>
        run.Plan.Settings.Listener.StickinessEnabled ? run.Plan.Settings.Listener.StickinessSeconds : null;

    /// <summary>
    /// Lists the target's group at weight 0 when the forward action leaves it out (a stack deployed or rolled back by
    /// an older version): until then ELB reports its targets `unused` and they can never turn healthy. Moves no traffic.
    /// </summary>
    public static async Task ListTargetAsync(RotationRun run, StackObservation observed)
    {
        var state = await ReadAsync(run, observed).ConfigureAwait(false);
        if (!run.Plan.Strategy.ShiftsTraffic || ListsTarget(observed, state) || TargetPercent(observed, state) is not 0)
        {
            return;
        }

        run.Call("elbv2:ModifyListener", $"list {run.Target.Key()} at weight 0 so its targets are health-checked", new Dictionary<string, string> { ["listener"] = observed.ListenerArn, ["target"] = "0" });
        await run.Ports.LoadBalancer.SetWeightsAsync(observed.ListenerArn, Request(observed, 0), Stickiness(run), run.CancellationToken).ConfigureAwait(false);
    }

    public static Task<ListenerState> ReadAsync(RotationRun run, StackObservation observed) =>
        run.Ports.LoadBalancer.GetListenerAsync(observed.ListenerArn, run.CancellationToken);
}
