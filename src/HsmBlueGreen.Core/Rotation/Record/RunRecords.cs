using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Core.Rotation.Record;

/// <summary>Finds the stack's run record in AWS: each record lives on its run's target secret, and the latest run is the one in question.</summary>
public static class RunRecords
{
    public static async Task<RunRecord?> LatestAsync(StackSettings settings, RotationPorts ports, CancellationToken cancellationToken)
    {
        var outputs = await ports.Stack.GetOutputsAsync(settings.Stack, cancellationToken).ConfigureAwait(false);
        RunRecord? latest = null;
        foreach (var slot in outputs.Slots.Values)
        {
            if (await ports.RunRecords.ReadAsync(slot.SecretArn, cancellationToken).ConfigureAwait(false) is { } record && (latest is null || record.StartedAt > latest.StartedAt))
            {
                latest = record;
            }
        }

        return latest;
    }
}
