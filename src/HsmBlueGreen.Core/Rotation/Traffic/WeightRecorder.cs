using System.Globalization;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Traffic;

/// <summary>
/// Writes an applied split to the stack config (traffic.blue, traffic.green) and records it on the listener with a
/// targeted `pulumi up`, so `pulumi preview` shows no drift and the next full `up` does not undo the rotation.
/// </summary>
internal static class WeightRecorder
{
    public static async Task RecordAsync(RotationRun run, int targetPercent)
    {
        var split = ListenerWeights.Split(run.Target, targetPercent);
        var values = new[] { Color.Blue, Color.Green }
            .Select(color => KeyValuePair.Create($"traffic.{color.Key()}", split.For(color).ToString(CultureInfo.InvariantCulture)))
            .ToList();
        foreach (var (path, value) in values)
        {
            run.Call("pulumi:config-set", $"{path} = {value}", new Dictionary<string, string> { ["path"] = path, ["value"] = value });
        }

        // One write for both: each alone would leave a split that does not sum to 100, which no command could bind.
        await run.Ports.Stack.SetConfigValuesAsync(run.Stack, values, run.CancellationToken).ConfigureAwait(false);

        var listener = StackResourceNames.ListenerUrn(run.Stack);
        run.Call("pulumi:up", $"pulumi up --target {listener}", new Dictionary<string, string> { ["target"] = listener });
        await run.Ports.Stack.UpAsync(run.Stack, [listener], run.CancellationToken).ConfigureAwait(false);
    }
}
