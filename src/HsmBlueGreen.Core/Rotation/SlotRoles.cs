using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation;

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
                var own = await ports.Secrets.DescribeAsync(outputs.Slots[color].SecretArn, cancellationToken).ConfigureAwait(false);
                if (own.VersionWith(SecretStages.Current) is not { } current)
                {
                    continue;
                }

                var tokens = RotationTokens.For(current);
                var other = await ports.Secrets.DescribeAsync(outputs.Slots[color.Other()].SecretArn, cancellationToken).ConfigureAwait(false);
                if (other.VersionStages.ContainsKey(tokens.Seed) || other.VersionStages.ContainsKey(tokens.Pending))
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
}
