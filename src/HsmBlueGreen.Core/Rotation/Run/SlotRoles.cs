using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// Which slot a rotation in progress goes from, read from AWS: the source is the slot whose current secret
/// version the other slot's secret carries tokens of. Mid-shift the stack file cannot say (its weights move),
/// so resume, promote, abort and status ask this; the run record in AWS and then the listener are fallbacks.
/// </summary>
public static class SlotRoles
{
    public static async Task<Color> SourceAsync(StackSettings settings, RotationPorts ports, RunRecord? record, CancellationToken cancellationToken)
    {
        var outputs = await ports.Stack.GetOutputsAsync(settings.Stack, cancellationToken).ConfigureAwait(false);
        if (outputs.Slots.Count == 2)
        {
            foreach (var color in new[] { Color.Blue, Color.Green })
            {
                if (await RotatedFromAsync(ports, outputs.Slots[color], outputs.Slots[color.Other()], cancellationToken).ConfigureAwait(false))
                {
                    return color;
                }
            }
        }

        if (record is { Finished: false })
        {
            return record.Source;
        }

        var listener = await ports.LoadBalancer.GetListenerAsync(outputs.ListenerArn, cancellationToken).ConfigureAwait(false);
        var greenArn = outputs.Slots.TryGetValue(Color.Green, out var green) ? green.TargetGroupArn : null;
        var greenWeight = listener.Weights.Where(w => string.Equals(w.TargetGroupArn, greenArn, StringComparison.Ordinal)).Sum(w => w.Weight);
        return greenWeight * 2 > listener.Weights.Sum(w => w.Weight) ? Color.Green : Color.Blue;
    }

    /// <summary>
    /// Whether a rotation from <paramref name="source"/> into <paramref name="target"/> has begun: the target's secret
    /// carries a version named by the tokens of the source's current version (the seed or the pending password).
    /// </summary>
    public static async Task<bool> RotatedFromAsync(RotationPorts ports, SlotOutputs source, SlotOutputs target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var own = await ports.Secrets.DescribeAsync(source.SecretArn, cancellationToken).ConfigureAwait(false);
        if (own.VersionWith(SecretStages.Current) is not { } current)
        {
            return false;
        }

        var tokens = RotationTokens.For(current);
        var other = await ports.Secrets.DescribeAsync(target.SecretArn, cancellationToken).ConfigureAwait(false);
        return other.VersionStages.ContainsKey(tokens.Seed) || other.VersionStages.ContainsKey(tokens.Pending);
    }
}
