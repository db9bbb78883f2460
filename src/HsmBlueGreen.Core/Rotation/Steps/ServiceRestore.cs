using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// Maintenance-window: a step failed while the serving slot's clients may be down. Before anything else, service comes
/// back with the old credential: a password already set on the HSM is changed back to AWSCURRENT (logged in with the
/// new one), AWSPENDING is removed, and the clients start again. A failed login is still never retried.
/// </summary>
internal static class ServiceRestore
{
    public static async Task<StepResult> AfterFailureAsync(RotationRun run, Observation observed, StepResult failure)
    {
        if ((await SecretView.ReadAsync(run, observed).ConfigureAwait(false)) is { Promoted: true })
        {
            return failure;
        }

        run.Record(EventKinds.Rollback, $"restoring service on {run.Source.Key()} with the old credential before anything else");
        var view = await SecretView.ReadAsync(run, observed).ConfigureAwait(false);
        var down = $"{run.Source.Key()}'s clients stay at zero (service is down).";
        if (view.PasswordSet && view.LoginFailed)
        {
            return StepResult.NeedsOperator($"{failure.Message} {down} The new password is set on the HSM but a login with it failed, so no credential is known to work; an admin must set {run.Plan.TargetSlot.CryptoUser}'s password to the secret's AWSCURRENT, then 'hsm-rotate abort --stack {run.Stack}'.");
        }

        var landed = view.PasswordSet;
        if (!landed && view.ChangeInDoubt && !view.LoginFailed)
        {
            var sent = await InterruptedChange.ReadAsync(run, observed).ConfigureAwait(false);
            if (sent.State == SentState.Unknown)
            {
                return StepResult.NeedsOperator($"{failure.Message} {down} {InterruptedChange.Unknown(run, observed, sent)}");
            }

            landed = sent.State == SentState.Ended && sent.Result.Succeeded;
        }

        if (landed && await ChangeBackAsync(run, observed).ConfigureAwait(false) is { } refused)
        {
            return StepResult.NeedsOperator($"{failure.Message} {down} Changing the password back failed: {refused}. Not retried.");
        }

        await ClearPendingAsync(run, observed, view).ConfigureAwait(false);
        var started = await AppGroupControl.StartAsync(run, observed, run.Plan.TargetClientCount).ConfigureAwait(false);
        if (!started.Continues)
        {
            return StepResult.NeedsOperator($"{failure.Message} Restarting the clients failed too: {started.Message}");
        }

        var message = $"{failure.Message} Service restored on {run.Source.Key()} with the old credential ({(landed ? "the password was changed back" : "the password never changed")}); downtime {Downtime.Measured(run)}.";
        return view.LoginFailed ? StepResult.NeedsOperator(message) : StepResult.RolledBack(message);
    }

    private static async Task<string?> ChangeBackAsync(RotationRun run, Observation observed)
    {
        var target = observed.TargetUser(run.Plan);
        var pending = new SecretVersionRef(observed.Tokens.Pending, SecretStages.Pending);
        run.Call("ssm:SendCommand", $"cloudhsm-cli user change-password --username {target.CryptoUser} back to AWSCURRENT, logged in with AWSPENDING, on {target.InstanceId}", new Dictionary<string, string> { ["instance"] = target.InstanceId, ["cluster"] = target.ClusterId, ["current"] = observed.Tokens.Pending, ["next"] = SecretStages.Current });
        var back = await run.Ports.HsmUsers.ChangePasswordAsync(target, pending, SecretVersionRef.ByStage(SecretStages.Current), run.CancellationToken).ConfigureAwait(false);
        return back.Succeeded ? null : $"{back.Outcome} ({back.Detail})";
    }

    /// <summary>AWSPENDING and our progress labels off the new version, so the secret says what the HSM has again.</summary>
    private static async Task ClearPendingAsync(RotationRun run, Observation observed, SecretView view)
    {
        var pending = view.Tokens.Pending;
        foreach (var stage in RotationTokens.ProgressStages.Prepend(SecretStages.Pending).Where(s => view.HasStage(pending, s)))
        {
            await SecretLabels.MoveAsync(run, observed.Target.SecretArn, stage, null, pending).ConfigureAwait(false);
        }
    }
}
