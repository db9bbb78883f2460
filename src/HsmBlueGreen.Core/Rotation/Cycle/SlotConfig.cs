using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Cycle;

/// <summary>
/// The idle slot's config, written in one `pulumi config set-all --path`: restored from the backup, logging in as the
/// serving slot's crypto user (the backup holds that user), and no application instances until its password is new.
/// </summary>
internal static class SlotConfig
{
    public static Task WriteAsync(RotationRun run, string backupId, string cryptoUser)
    {
        var slot = $"slots.{run.Target.Key()}";
        KeyValuePair<string, string>[] values =
        [
            KeyValuePair.Create($"{slot}.sourceBackupId", backupId),
            KeyValuePair.Create($"{slot}.cryptoUser", cryptoUser),
            KeyValuePair.Create($"{slot}.clientCount", "0"),
        ];
        run.Call("pulumi:config-set", string.Join(", ", values.Select(v => $"{v.Key} = {v.Value}")), new Dictionary<string, string> { ["path"] = slot, ["backup"] = backupId });
        return run.Ports.Stack.SetConfigValuesAsync(run.Stack, values, run.CancellationToken);
    }

    /// <summary>Takes back a write this run made, so a refused preview leaves the stack file as it found it.</summary>
    public static Task RemoveAsync(RotationRun run)
    {
        var slot = $"slots.{run.Target.Key()}";
        run.Call("pulumi:config-rm", slot, new Dictionary<string, string> { ["path"] = slot });
        return run.Ports.Stack.RemoveConfigAsync(run.Stack, slot, run.CancellationToken);
    }

    /// <summary>Whether a preview step ends a resource of the serving slot (every slot resource is named with its color).</summary>
    public static bool EndsServing(RotationRun run, Ports.PreviewStep step) =>
        step.EndsAResource && step.Name.StartsWith(StackResourceNames.SlotPrefix(run.Source), StringComparison.Ordinal);
}
