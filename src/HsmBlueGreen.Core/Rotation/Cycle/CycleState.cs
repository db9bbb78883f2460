using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Cycle;

/// <summary>What the cycle does next, read from AWS: the stage and which slot serves and which is idle.</summary>
public enum NextStage
{
    Prepare,
    Run,
    Resume,
    Retire,
}

public sealed record CycleObservation(NextStage Stage, Color Serving, string Why)
{
    public Color Idle => Serving.Other();
}

/// <summary>
/// Where a cycle stands, from what AWS shows (never the local journal): the deployed slots, the listener's weights,
/// and whether one slot's secret carries the tokens of a rotation from the other's current version.
/// </summary>
public static class CycleState
{
    public static async Task<CycleObservation> ObserveAsync(StackSettings settings, RotationPorts ports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ports);
        var outputs = await ports.Stack.GetOutputsAsync(settings.Stack, cancellationToken).ConfigureAwait(false);
        if (outputs.Slots.Count < 2)
        {
            var only = outputs.Slots.Keys.DefaultIfEmpty(settings.ServingColor).First();
            return new CycleObservation(NextStage.Prepare, only, $"only {only.Key()} is deployed");
        }

        var listener = await ports.LoadBalancer.GetListenerAsync(outputs.ListenerArn, cancellationToken).ConfigureAwait(false);
        int Weight(Color color) => listener.Weights.Where(w => w.TargetGroupArn == outputs.Slots[color].TargetGroupArn).Sum(w => w.Weight);
        var serving = Weight(Color.Green) > Weight(Color.Blue) ? Color.Green : Color.Blue;
        if (Weight(serving.Other()) > 0)
        {
            return new CycleObservation(NextStage.Resume, serving, $"traffic is split (blue {Weight(Color.Blue)}, green {Weight(Color.Green)})");
        }

        var (servingOutputs, idleOutputs) = (outputs.Slots[serving], outputs.Slots[serving.Other()]);
        if (await SlotRoles.RotatedFromAsync(ports, idleOutputs, servingOutputs, cancellationToken).ConfigureAwait(false))
        {
            return new CycleObservation(NextStage.Retire, serving, $"{serving.Key()} serves with the password rotated from {serving.Other().Key()}");
        }

        if (await SlotRoles.RotatedFromAsync(ports, servingOutputs, idleOutputs, cancellationToken).ConfigureAwait(false))
        {
            return new CycleObservation(NextStage.Resume, serving, $"a rotation into {serving.Other().Key()} has begun");
        }

        var cluster = await ports.Clusters.DescribeClusterAsync(idleOutputs.ClusterId, cancellationToken).ConfigureAwait(false);
        return Ready(cluster)
            ? new CycleObservation(NextStage.Run, serving, $"{serving.Other().Key()} is deployed and ACTIVE, not yet rotated")
            : new CycleObservation(NextStage.Prepare, serving, $"{serving.Other().Key()} is not ACTIVE yet");
    }

    public static bool Ready(Ports.ClusterStatus? cluster) =>
        cluster is { State: Ports.ClusterState.Active, Hsms.Count: > 0 } && cluster.Hsms.All(h => h.State == Ports.HsmState.Active);
}
