using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Cycle;

/// <summary>
/// Waits until the prepared slot's cluster and every HSM in it are ACTIVE (each takes 10-20 minutes to create),
/// reporting each change of state; past the limit it stops, and a re-run keeps waiting.
/// </summary>
internal static class ClusterWait
{
    /// <param name="stackOutputs">The stack's outputs as read after the apply (or before it, when there was none to make).</param>
    public static async Task<RunResult> RunAsync(RotationRun run, StackOutputs stackOutputs, PrepareRequest request)
    {
        var (stack, target) = (run.Stack, run.Target.Key());
        if (!stackOutputs.Slots.TryGetValue(run.Target, out var outputs))
        {
            return PrepareOperation.Stop(run, RotationOutcome.NeedsOperator, $"pulumi up finished but stack {stack} has no outputs for {target}; check 'pulumi stack output --stack {stack}', then run prepare again.");
        }

        var started = run.Clock.GetUtcNow();
        string? last = null;
        while (true)
        {
            var cluster = await run.Ports.Clusters.DescribeClusterAsync(outputs.ClusterId, run.CancellationToken).ConfigureAwait(false);
            var state = cluster is null ? "not found" : $"cluster {cluster.State}, HSMs {string.Join(", ", cluster.Hsms.Select(h => $"{h.HsmId} {h.State}").DefaultIfEmpty("none yet"))}";
            if (state != last)
            {
                run.Record(EventKinds.Check, $"{target}'s cluster {outputs.ClusterId}: {state}", new Dictionary<string, string> { ["cluster"] = outputs.ClusterId, ["state"] = cluster?.State.ToString() ?? "NotFound" });
                last = state;
            }

            if (CycleState.Ready(cluster))
            {
                var message = $"{target} prepared: cluster {cluster!.ClusterId} restored from backup {cluster.SourceBackupId} and its {cluster.Hsms.Count} HSM(s) ACTIVE. Next: 'hsm-rotate run --stack {stack}' (or 'hsm-rotate cycle --stack {stack}').";
                run.Record(EventKinds.Finished, message, new Dictionary<string, string> { ["cluster"] = cluster.ClusterId, ["backup"] = cluster.SourceBackupId ?? string.Empty });
                return new RunResult(RotationOutcome.Done, message);
            }

            if (cluster is { State: ClusterState.Degraded or ClusterState.DeleteInProgress or ClusterState.Deleted } || cluster?.Hsms.Any(h => h.State is HsmState.Degraded or HsmState.DeleteInProgress or HsmState.Deleted) == true)
            {
                return PrepareOperation.Stop(run, RotationOutcome.NeedsOperator, $"{target}'s cluster {outputs.ClusterId} is not becoming ACTIVE ({state}); see the CloudHSM console, fix or retire {target}, then run prepare again.");
            }

            if (run.Clock.GetUtcNow() - started >= request.WaitLimit)
            {
                return PrepareOperation.Stop(run, RotationOutcome.NeedsOperator, $"{target}'s cluster {outputs.ClusterId} is still being created after {Durations.Format(request.WaitLimit)} ({state}); run 'hsm-rotate prepare --stack {stack}' again to keep waiting.");
            }

            await run.WaitAsync(request.PollInterval).ConfigureAwait(false);
        }
    }
}
