using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Steps;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Operations;

/// <summary>
/// `abort`: all traffic back on the source with one listener update (skipped when already there), recorded in the
/// stack; then the target secret is left as the rotation protocol allows: AWSPENDING on no version. A password
/// already set on the HSM is promoted, so the secret matches the cluster; after a failed login the pending version
/// keeps its mark for the operator.
/// </summary>
public static class AbortOperation
{
    public static async Task<RunResult> RunAsync(RotationRun run)
    {
        run.CurrentStep = "abort";
        if (StackObservation.Of(await StackObservation.ReadAsync(run).ConfigureAwait(false), run) is not { } stack)
        {
            return new RunResult(RotationOutcome.BadInput, $"stack {run.Stack} does not have both slots deployed; there is no rotation to abort.");
        }

        if (!run.Plan.Strategy.ShiftsTraffic)
        {
            return await InPlaceAsync(run, stack).ConfigureAwait(false);
        }

        var state = await ListenerWeights.ReadAsync(run, stack).ConfigureAwait(false);
        var traffic = ListenerWeights.TargetPercent(stack, state) is 0
            ? $"traffic was already all on {run.Source.Key()}"
            : await Rollback.ApplyAsync(run, stack, "aborted by the operator").ConfigureAwait(false);

        var source = await run.Ports.Secrets.DescribeAsync(stack.Source.SecretArn, run.CancellationToken).ConfigureAwait(false);
        var secret = "left as it was";
        if (source.VersionWith(Ports.SecretStages.Current) is { } current)
        {
            secret = await SettleSecretAsync(run, stack.With(RotationTokens.For(current))).ConfigureAwait(false);
        }

        var lease = await run.Ports.Lock.ReadAsync(stack.Target.SecretArn, run.CancellationToken).ConfigureAwait(false);
        if (lease is not null && !lease.IsExpiredAt(run.Clock.GetUtcNow()) && !string.Equals(lease.RunId, run.RunId, StringComparison.Ordinal))
        {
            run.Record(EventKinds.Warning, $"run {lease.RunId} by {lease.Owner} still holds the lock until {lease.ExpiresAt:u}: stop that process, or it may shift traffic again.");
        }
        else if (lease is not null)
        {
            await run.Ports.Lock.ReleaseAsync(stack.Target.SecretArn, lease.RunId, run.CancellationToken).ConfigureAwait(false);
        }

        await RunRecordKeeper.MarkAbortedAsync(run, stack).ConfigureAwait(false);
        var message = $"aborted: {traffic.TrimEnd('.')}; {run.Target.Key()}'s secret {secret}. {run.Target.Key()}'s application group keeps running with no traffic; 'hsm-rotate run --stack {run.Stack}' starts over.";
        run.Record(EventKinds.Finished, message);
        return new RunResult(RotationOutcome.Done, message);
    }

    /// <summary>A maintenance-window rotation: service back first, with the old credential unless the new one was already promoted.</summary>
    private static async Task<RunResult> InPlaceAsync(RotationRun run, StackObservation stack)
    {
        var secret = await run.Ports.Secrets.DescribeAsync(stack.Source.SecretArn, run.CancellationToken).ConfigureAwait(false);
        if (secret.VersionWith(Ports.SecretStages.Current) is not { } current)
        {
            return new RunResult(RotationOutcome.BadInput, $"{run.Source.Key()}'s secret has no AWSCURRENT version; there is no rotation to abort.");
        }

        var observed = stack.With(RotationTokens.InProgress(secret, current));
        var result = (await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).Promoted
            ? await AppGroupControl.StartAsync(run, observed, run.Plan.TargetClientCount).ConfigureAwait(false) is { Continues: true }
                ? StepResult.RolledBack($"aborted: the new password was already promoted, so {run.Source.Key()}'s clients run with it again.")
                : StepResult.NeedsOperator($"aborted, but {run.Source.Key()}'s clients did not come back healthy; check 'hsm-rotate status --stack {run.Stack}'.")
            : await ServiceRestore.AfterFailureAsync(run, observed, StepResult.NeedsOperator("aborted by the operator.")).ConfigureAwait(false);
        await RunRecordKeeper.MarkAbortedAsync(run, observed).ConfigureAwait(false);
        await run.Ports.Lock.ReleaseAsync(observed.Target.SecretArn, run.RunId, run.CancellationToken).ConfigureAwait(false);
        var outcome = result.Stop == RotationOutcome.RolledBack ? RotationOutcome.Done : result.Stop ?? RotationOutcome.Done;
        run.Record(EventKinds.Finished, result.Message);
        return new RunResult(outcome, result.Message);
    }

    /// <summary>The target secret as the rotation protocol allows after an abort, read against the rotation's tokens in <paramref name="observed"/>.</summary>
    private static async Task<string> SettleSecretAsync(RotationRun run, Observation observed)
    {
        var view = await SecretView.ReadAsync(run, observed).ConfigureAwait(false);
        var pending = view.Tokens.Pending;
        if (!view.PendingCreated || view.Finished)
        {
            return view.Finished ? "keeps its promoted password" : "had no pending version";
        }

        if (view.PasswordSet && !view.LoginFailed)
        {
            await new PromoteSecretStep().ApplyAsync(run, observed).ConfigureAwait(false);
            return "has the password already set on the cluster promoted to AWSCURRENT";
        }

        if (view.HasStage(pending, Ports.SecretStages.Pending))
        {
            await SecretLabels.MoveAsync(run, observed.Target.SecretArn, Ports.SecretStages.Pending, null, pending).ConfigureAwait(false);
        }

        return view.LoginFailed
            ? $"has AWSPENDING removed; version {pending} keeps the {RotationTokens.LoginFailedStage} mark until an admin has checked the user"
            : "has AWSPENDING removed (the cluster never got that password)";
    }
}
