using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Traffic;

/// <summary>The listener's forward action in the rotation's terms: the target slot's share in percent.</summary>
internal static class ListenerWeights
{
    /// <summary>The request for a split; a slot at 0 is left out (a 0 can land as 1 and take traffic).</summary>
    public static IReadOnlyList<TargetGroupWeight> Request(RotationRun run, int targetPercent)
    {
        var weights = new List<TargetGroupWeight>();
        if (targetPercent < 100)
        {
            weights.Add(new(run.SourceOutputs.TargetGroupArn, 100 - targetPercent));
        }

        if (targetPercent > 0)
        {
            weights.Add(new(run.TargetOutputs.TargetGroupArn, targetPercent));
        }

        return weights;
    }

    /// <summary>The target's share in percent, or null when the listener forwards to a group that is neither slot's.</summary>
    public static int? TargetPercent(RotationRun run, ListenerState state)
    {
        var known = new[] { run.SourceOutputs.TargetGroupArn, run.TargetOutputs.TargetGroupArn };
        if (state.Weights.Any(w => w.Weight > 0 && !known.Contains(w.TargetGroupArn, StringComparer.Ordinal)))
        {
            return null;
        }

        var total = state.Weights.Where(w => known.Contains(w.TargetGroupArn, StringComparer.Ordinal)).Sum(w => w.Weight);
        var target = state.Weights.Where(w => string.Equals(w.TargetGroupArn, run.TargetOutputs.TargetGroupArn, StringComparison.Ordinal)).Sum(w => w.Weight);
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

    public static Task<ListenerState> ReadAsync(RotationRun run) =>
        run.Ports.LoadBalancer.GetListenerAsync(run.Outputs!.ListenerArn, run.CancellationToken);
}
