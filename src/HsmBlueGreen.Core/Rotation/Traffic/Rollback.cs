using System.Diagnostics;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Traffic;

/// <summary>
/// Puts every request back on the source slot with exactly one listener update, issued before anything else
/// (no read first, no retry loop in front of it). Only then are the weights read back and recorded in the stack.
/// </summary>
internal static class Rollback
{
    private static readonly TimeSpan ReadBackLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan ReadBackInterval = TimeSpan.FromSeconds(2);

    public static async Task<string> ApplyAsync(RotationRun run, StackObservation observed, string reason)
    {
        var started = Stopwatch.GetTimestamp();
        var listener = observed.ListenerArn;
        run.Call("elbv2:ModifyListener", $"rollback: {run.Source.Key()} 100 / {run.Target.Key()} 0 ({reason})", new Dictionary<string, string> { ["listener"] = listener, ["reason"] = reason });
        await run.Ports.LoadBalancer.SetWeightsAsync(listener, ListenerWeights.Request(observed, 0), ListenerWeights.Stickiness(run), run.CancellationToken).ConfigureAwait(false);
        var elapsed = Stopwatch.GetElapsedTime(started);
        run.Record(EventKinds.Rollback, $"all traffic back on {run.Source.Key()}", new Dictionary<string, string> { ["requestMs"] = elapsed.TotalMilliseconds.ToString("F1", System.Globalization.CultureInfo.InvariantCulture) });

        try
        {
            // A read just after ModifyListener may still show the previous split (eventual consistency): read until it shows 0.
            int? now = null;
            await Polling.UntilAsync(run, ReadBackLimit, ReadBackInterval, async () => (now = ListenerWeights.TargetPercent(observed, await ListenerWeights.ReadAsync(run, observed).ConfigureAwait(false))) == 0).ConfigureAwait(false);
            run.Record(EventKinds.Weights, $"listener reads {ListenerWeights.Split(run.Target, now ?? 0)}", ListenerWeights.EventData(run, now ?? 0));
            await WeightRecorder.RecordAsync(run, 0).ConfigureAwait(false);
            return $"rolled back: all traffic on {run.Source.Key()} ({reason}).";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The listener is already back; recording it is bookkeeping the operator can redo.
            run.Record(EventKinds.Warning, $"rolled back, but recording it in the stack failed: {e.Message}. Run 'pulumi config set --path traffic.{run.Source.Key()} 100' and 'traffic.{run.Target.Key()} 0'.");
            return $"rolled back: all traffic on {run.Source.Key()} ({reason}); the stack config still needs traffic.{run.Source.Key()}=100.";
        }
    }

    /// <summary>A gate's rollback only moves traffic: the shift comes after the new password was promoted, so say where that leaves the secrets.</summary>
    public static string AfterGateFailure(RotationRun run) =>
        $"{run.Target.Key()}'s secret keeps the new password as AWSCURRENT (its cluster has it, its clients use it, it serves no traffic); " +
        $"{run.Source.Key()}'s secret and password are untouched. Next: fix what the gate found, then 'hsm-rotate run --stack {run.Plan.Settings.Stack}' again.";
}
