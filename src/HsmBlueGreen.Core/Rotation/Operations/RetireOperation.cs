using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Operations;

/// <summary>
/// `retire &lt;slot&gt;`: removes a slot that has had weight 0 for its drain time while the other serves 100 healthy,
/// then applies the stack. <see cref="RotationRun.Source"/> is the slot to retire here. The drain clock starts at
/// the journal's record of the weight reaching 0; without one the operator must vouch for it.
/// </summary>
public static class RetireOperation
{
    /// <param name="confirm">Asked after every check has passed and before the first change; null means --yes.</param>
    public static async Task<RunResult> RunAsync(RotationRun run, TimeSpan drain, bool assumeDrained, Func<Task<bool>>? confirm = null)
    {
        run.CurrentStep = "retire";
        var (slot, other) = (run.Source, run.Target);
        if (StackObservation.Of(await StackObservation.ReadAsync(run).ConfigureAwait(false), run) is not { } observed)
        {
            return Refuse(run, RotationOutcome.BadInput, $"stack {run.Stack} does not have both {slot.Key()} and {other.Key()} deployed; retire removes one slot while the other serves.");
        }

        var weight = ListenerWeights.TargetPercent(observed, await ListenerWeights.ReadAsync(run, observed).ConfigureAwait(false));
        if (weight != 100)
        {
            return Refuse(run, RotationOutcome.NeedsOperator, $"{slot.Key()} still has weight {100 - (weight ?? 0)}% on the listener; only a slot at 0 can be retired. Finish the rotation first ('hsm-rotate status --stack {run.Stack}').");
        }

        var health = await run.Ports.LoadBalancer.GetTargetHealthAsync(observed.Target.TargetGroupArn, run.CancellationToken).ConfigureAwait(false);
        if (health.Count == 0 || health.Any(t => t.State != TargetHealthState.Healthy))
        {
            return Refuse(run, RotationOutcome.NeedsOperator, $"{other.Key()} serves 100% but only {health.Count(t => t.State == TargetHealthState.Healthy)} of {health.Count} targets are healthy; retire {slot.Key()} only when {other.Key()} is healthy.");
        }

        foreach (var secret in new[] { observed.Source.SecretArn, observed.Target.SecretArn })
        {
            if (await run.Ports.Lock.ReadAsync(secret, run.CancellationToken).ConfigureAwait(false) is { } lease && !lease.IsExpiredAt(run.Clock.GetUtcNow()))
            {
                return Refuse(run, RotationOutcome.NeedsOperator, $"a rotation holds the lock ({lease.RunId} by {lease.Owner} until {lease.ExpiresAt:u}); retire after it ends.");
            }
        }

        if (DrainProblem(run, slot, await ZeroSinceAsync(run, observed.Outputs, slot).ConfigureAwait(false), drain, assumeDrained) is { } problem)
        {
            return Refuse(run, RotationOutcome.NeedsOperator, problem);
        }

        if (await ExistingClusterProblemAsync(run, observed).ConfigureAwait(false) is { } untagged)
        {
            return Refuse(run, RotationOutcome.NeedsOperator, untagged);
        }

        if (confirm is not null && !await confirm().ConfigureAwait(false))
        {
            return Refuse(run, RotationOutcome.NeedsOperator, "not confirmed: nothing was changed. Pass --yes to skip the question.");
        }

        // First mark the slot retiring and apply that to its cluster alone: protection off, the retiring tag on. The
        // deny statements allow DeleteHsm/DeleteCluster only under that tag, and a protected cluster cannot be deleted.
        var retiringPath = $"slots.{slot.Key()}.retiring";
        run.Call("pulumi:config-set", $"{retiringPath} = true", new Dictionary<string, string> { ["path"] = retiringPath });
        await run.Ports.Stack.SetConfigAsync(run.Stack, retiringPath, "true", run.CancellationToken).ConfigureAwait(false);
        var clusterUrn = StackResourceNames.ClusterUrn(run.Stack, slot);
        run.Call("pulumi:up", $"pulumi up --target {clusterUrn} (protection off, tagged {Policies.StackTags.SlotState}={Policies.StackTags.Retiring})");
        await run.Ports.Stack.UpAsync(run.Stack, [clusterUrn], run.CancellationToken).ConfigureAwait(false);

        run.Call("pulumi:config-rm", $"slots.{slot.Key()}", new Dictionary<string, string> { ["path"] = $"slots.{slot.Key()}" });
        await run.Ports.Stack.RemoveConfigAsync(run.Stack, $"slots.{slot.Key()}", run.CancellationToken).ConfigureAwait(false);
        run.Call("pulumi:up", "pulumi up (the whole stack: removes the slot's resources)");
        await run.Ports.Stack.UpAsync(run.Stack, [], run.CancellationToken).ConfigureAwait(false);

        var message = $"{slot.Key()} retired: removed from the stack config and applied. {await NextBackupHintAsync(run, observed, slot, other).ConfigureAwait(false)}";
        run.Record(EventKinds.Finished, message);
        return new RunResult(RotationOutcome.Done, message);
    }

    /// <summary>
    /// A backup holds the passwords of its time, so only one taken after the serving slot's password change can seed
    /// the next rotation. The change happened after its secret's AWSCURRENT version was created (or when the run record
    /// says it landed) and before the retired slot's weight reached 0, so a backup later than both qualifies.
    /// </summary>
    private static async Task<string> NextBackupHintAsync(RotationRun run, StackObservation observed, Color slot, Color other)
    {
        var setAt = await Cycle.BackupChoice.CredentialSetAtAsync(run.Ports, observed.Target.SecretArn, run.CancellationToken).ConfigureAwait(false);
        var changed = new[] { setAt, await ZeroSinceAsync(run, observed.Outputs, slot).ConfigureAwait(false) }.Max() ?? DateTimeOffset.MinValue;
        var backups = await run.Ports.Clusters.DescribeBackupsAsync(observed.Target.ClusterId, run.CancellationToken).ConfigureAwait(false);
        var next = Cycle.BackupChoice.Newest(backups, changed);
        var set = $"pulumi config set --stack {run.Stack} --path 'slots.{slot.Key()}.sourceBackupId'";
        return next is null
            ? $"No backup of {other.Key()}'s cluster is newer than its last password change ({changed:u}), and an older one holds the old password. CloudHSM takes one at least every {Steps.RestoredClusterCheck.BackupInterval.TotalHours:0} hours and when an HSM is added, never on request; once one is READY ('aws cloudhsmv2 describe-backups --filters clusterIds={observed.Target.ClusterId}'), the next rotation starts with 'hsm-rotate prepare --stack {run.Stack}' (or: {set} <its backup id> and its cryptoUser, then pulumi up)."
            : $"Next rotation: {set} {next.BackupId} (newest READY backup of {other.Key()}, {next.CreatedAt:u}, taken after its password change) and set its cryptoUser, then pulumi up; 'hsm-rotate prepare --stack {run.Stack}' does both.";
    }

    /// <summary>The drain time a retire waits by default: 5 minutes, or the stickiness duration when that is longer.</summary>
    public static TimeSpan DefaultDrain(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var sticky = TimeSpan.FromSeconds(settings.Listener.StickinessSeconds);
        return TimeSpan.FromMinutes(5) > sticky ? TimeSpan.FromMinutes(5) : sticky;
    }

    /// <summary>How much of the drain time is left for the slot, or null when neither the run record nor the journal shows when it reached 0.</summary>
    public static async Task<TimeSpan?> DrainRemainingAsync(RotationRun run, Color slot, TimeSpan drain)
    {
        ArgumentNullException.ThrowIfNull(run);
        var outputs = await run.Ports.Stack.GetOutputsAsync(run.Stack, run.CancellationToken).ConfigureAwait(false);
        if (await ZeroSinceAsync(run, outputs, slot).ConfigureAwait(false) is not { } since)
        {
            return null;
        }

        var left = since + drain - run.Clock.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>
    /// When the slot's weight reached 0 for the last time: as the latest run record notes it when that run took the
    /// traffic from this slot (any machine sees it), else as this machine's journal saw the weights move.
    /// </summary>
    private static async Task<DateTimeOffset?> ZeroSinceAsync(RotationRun run, StackOutputs outputs, Color slot)
    {
        if (await RunRecords.LatestOnAsync(outputs, run.Ports.RunRecords, run.CancellationToken).ConfigureAwait(false) is ({ SourceDrainingSince: { } since } record, _) && record.Source == slot)
        {
            return since;
        }

        var weights = run.Journal.ReadAll().Where(e => e.Kind == EventKinds.Weights && e.Field(slot.Key()) is not null).ToList();
        var lastNonZero = weights.FindLastIndex(e => e.Field(slot.Key()) != "0");
        return lastNonZero + 1 < weights.Count ? weights[lastNonZero + 1].At : null;
    }

    private static string? DrainProblem(RotationRun run, Color slot, DateTimeOffset? since, TimeSpan drain, bool assumeDrained)
    {
        if (since is null)
        {
            return assumeDrained
                ? null
                : $"neither the run record in AWS nor this machine's journal shows when {slot.Key()} reached weight 0, so its drain time ({Durations.Format(drain)}) cannot be checked. If it has been at 0 that long, run again with --assume-drained.";
        }

        var waited = run.Clock.GetUtcNow() - since.Value;
        return waited >= drain || assumeDrained
            ? null
            : $"{slot.Key()} has had weight 0 for {Durations.Format(waited)} of its {Durations.Format(drain)} drain time (since {since.Value:u}); connections may still be draining. Retry after {since.Value + drain:u}.";
    }

    /// <summary>
    /// A cluster named by clusterId is only read by the stack, so the first apply below cannot tag it; yet the second
    /// deletes the HSMs the stack added to it, which the deny statements allow only on a cluster tagged with this stack
    /// and as retiring. Without those tags that `pulumi up` would fail half-way, the slot already gone from the config.
    /// </summary>
    private static async Task<string?> ExistingClusterProblemAsync(RotationRun run, StackObservation observed)
    {
        if (run.Plan.SourceSlot.Cluster is not ClusterSource.Existing)
        {
            return null;
        }

        var id = observed.Source.ClusterId;
        var cluster = await run.Ports.Clusters.DescribeClusterAsync(id, run.CancellationToken).ConfigureAwait(false);
        var needed = new Dictionary<string, string>(StringComparer.Ordinal) { [Policies.StackTags.Stack] = run.Stack, [Policies.StackTags.SlotState] = Policies.StackTags.Retiring };
        if (cluster is null || needed.All(t => cluster.Tags.TryGetValue(t.Key, out var value) && value == t.Value))
        {
            return null;
        }

        var tagList = string.Join(" ", needed.Select(t => $"Key={t.Key},Value={t.Value}"));
        return $"{run.Source.Key()}'s cluster {id} is not the stack's own (slots.{run.Source.Key()}.clusterId), so pulumi cannot tag it, and the deny statements refuse to delete the HSMs the stack added to it without the tags. Nothing was changed. Tag it yourself, then retire again: aws cloudhsmv2 tag-resource --resource-id {id} --tag-list {tagList}";
    }

    private static RunResult Refuse(RotationRun run, RotationOutcome outcome, string message)
    {
        run.Record(EventKinds.Stopped, message, new Dictionary<string, string> { ["outcome"] = outcome.ToString() });
        return new RunResult(outcome, message);
    }
}
