using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Cycle;

/// <summary>
/// `prepare`: makes the idle slot ready for the next green-cluster rotation. Picks a backup of the serving cluster
/// that holds the serving password, writes the idle slot's config in one write, refuses a preview that would end any
/// resource of the serving slot, applies it and waits until the new cluster and all its HSMs are ACTIVE. Every part
/// first looks at what the stack config and AWS already show, so a re-run after a crash carries on from there.
/// <see cref="RotationRun.Source"/> is the serving slot, <see cref="RotationRun.Target"/> the slot to prepare.
/// </summary>
public static class PrepareOperation
{
    public static RotationPlan PlanFor(StackSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new RotationPlan(settings, RotationOptions.Default, settings.ServingColor, settings.ServingColor.Other(), []);
    }

    public static async Task<RunResult> RunAsync(RotationRun run, PrepareRequest request)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(request);
        run.CurrentStep = "prepare";
        var (settings, serving, target, stack) = (run.Plan.Settings, run.Source.Key(), run.Target.Key(), run.Stack);
        if (settings.SlotsShareCluster)
        {
            return Stop(run, RotationOutcome.BadInput, $"both slots use one cluster (dual-user): there is no new cluster to prepare. Run 'hsm-rotate run --stack {stack} --strategy dual-user' instead.");
        }

        // Only the serving slot need be deployed yet: the slot to prepare appears in the outputs once the stack is applied.
        var outputs = await StackObservation.ReadAsync(run).ConfigureAwait(false);
        if (!outputs.Slots.TryGetValue(run.Source, out var servingOutputs) || settings.Slot(run.Source) is not { } servingSlot)
        {
            return Stop(run, RotationOutcome.BadInput, $"the serving slot {serving} is not deployed in stack {stack}; run 'pulumi up --stack {stack}' first.");
        }

        var written = false;
        if (settings.Slot(run.Target) is { } slot)
        {
            if (slot.Cluster is not ClusterSource.FromBackup configured)
            {
                return Stop(run, RotationOutcome.NeedsOperator, $"slots.{target} still holds the cluster a finished rotation left (clusterId): retire it first ('hsm-rotate retire {target} --stack {stack}', or 'hsm-rotate cycle --stack {stack}').");
            }

            if (request.BackupId is { } asked && asked != configured.BackupId)
            {
                return Stop(run, RotationOutcome.BadInput, $"slots.{target} is already restored from backup {configured.BackupId}, not {asked}. Retire {target} first, or run prepare without --backup-id to carry on with {configured.BackupId}.");
            }

            if (await ExistingClusterAsync(run, outputs, configured.BackupId).ConfigureAwait(false) is null
                && await ChooseAsync(run, servingOutputs, configured.BackupId).ConfigureAwait(false) is { Backup: null } stale)
            {
                return Stop(run, stale.Outcome, $"slots.{target}.sourceBackupId in Pulumi.{stack}.yaml: {stale.Message} Fix: pulumi config rm --stack {stack} --path 'slots.{target}', then 'hsm-rotate prepare --stack {stack}'.");
            }

            run.Record(EventKinds.Check, $"slots.{target} already names backup {configured.BackupId}: carrying on from what AWS shows", new Dictionary<string, string> { ["backup"] = configured.BackupId });
        }
        else
        {
            var verdict = await ChooseAsync(run, servingOutputs, request.BackupId).ConfigureAwait(false);
            if (verdict.Backup is not { } backup)
            {
                return Stop(run, verdict.Outcome, verdict.Message);
            }

            run.Record(EventKinds.Check, verdict.Message, new Dictionary<string, string> { ["backup"] = backup.BackupId });
            await SlotConfig.WriteAsync(run, backup.BackupId, servingSlot.CryptoUser).ConfigureAwait(false);
            written = true;
        }

        if (await ExistingClusterAsync(run, outputs, null).ConfigureAwait(false) is null)
        {
            var applied = await StackApply.RunAsync(run, request.Confirm, written).ConfigureAwait(false);
            if (applied is not null)
            {
                return applied;
            }

            outputs = await StackObservation.ReadAsync(run).ConfigureAwait(false);
        }

        return await ClusterWait.RunAsync(run, outputs, request).ConfigureAwait(false);
    }

    private static async Task<BackupVerdict> ChooseAsync(RotationRun run, SlotOutputs serving, string? backupId)
    {
        var setAt = await BackupChoice.CredentialSetAtAsync(run.Ports, serving.SecretArn, run.CancellationToken).ConfigureAwait(false);
        return setAt is { } at
            ? await BackupChoice.ChooseAsync(run.Ports, run.Source.Key(), serving.ClusterId, at, backupId, run.CancellationToken).ConfigureAwait(false)
            : new BackupVerdict(null, RotationOutcome.BadInput, $"{run.Source.Key()}'s secret {serving.SecretArn} has no AWSCURRENT version, so nothing shows which password its cluster's backups hold. Seed it once with the crypto user's credential (README, first rotation). Nothing was changed.");
    }

    /// <summary>The target slot's cluster as AWS shows it, when the stack has created it (from <paramref name="backupId"/> if given).</summary>
    private static async Task<ClusterStatus?> ExistingClusterAsync(RotationRun run, StackOutputs outputs, string? backupId)
    {
        if (!outputs.Slots.TryGetValue(run.Target, out var target))
        {
            return null;
        }

        var cluster = await run.Ports.Clusters.DescribeClusterAsync(target.ClusterId, run.CancellationToken).ConfigureAwait(false);
        return cluster is not null && (backupId is null || cluster.SourceBackupId == backupId) ? cluster : null;
    }

    internal static RunResult Stop(RotationRun run, RotationOutcome outcome, string message)
    {
        run.Record(EventKinds.Stopped, message, new Dictionary<string, string> { ["outcome"] = outcome.ToString() });
        return new RunResult(outcome, message);
    }
}
