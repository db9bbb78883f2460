using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Record;

/// <summary>Finds the stack's run record in AWS: each record lives on its run's target secret, and the latest run is the one in question.</summary>
public static class RunRecords
{
    public static async Task<RunRecord?> LatestAsync(StackSettings settings, RotationPorts ports, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(ports);
        var outputs = await ports.Stack.GetOutputsAsync(settings.Stack, cancellationToken).ConfigureAwait(false);
        return (await LatestOnAsync(outputs, ports.RunRecords, cancellationToken).ConfigureAwait(false))?.Record;
    }

    /// <summary>The latest record on either slot's secret, with the secret it is kept on (where its lease is too).</summary>
    public static async Task<(RunRecord Record, string SecretArn)?> LatestOnAsync(StackOutputs outputs, IRunRecordStore store, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outputs);
        ArgumentNullException.ThrowIfNull(store);
        (RunRecord Record, string SecretArn)? latest = null;
        foreach (var slot in outputs.Slots.Values)
        {
            if (await store.ReadAsync(slot.SecretArn, cancellationToken).ConfigureAwait(false) is { } record && (latest is null || record.StartedAt > latest.Value.Record.StartedAt))
            {
                latest = (record, slot.SecretArn);
            }
        }

        return latest;
    }
}
