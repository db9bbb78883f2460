using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// setSecret: cloudhsm-cli on the target's admin host, logged in as the user with AWSCURRENT, sets AWSPENDING.
/// The host reads both versions from Secrets Manager itself. Labels on the pending version record the attempt and
/// its success; a crash in between is resolved from SSM's command history, without a login or a blind second change.
/// </summary>
internal sealed class SetPasswordStep : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run, Observation observed) => (await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).PasswordSet;

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        var target = observed.TargetUser(run.Plan);
        var tokens = observed.Tokens;
        var pending = new SecretVersionRef(tokens.Pending, SecretStages.Pending);
        if ((await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).ChangeInDoubt)
        {
            var sent = await InterruptedChange.ReadAsync(run, observed).ConfigureAwait(false);
            switch (sent.State)
            {
                case SentState.Ended when sent.Result.Succeeded:
                    run.Record(EventKinds.Warning, "an earlier change-password was interrupted after it ran; SSM's command history says it succeeded, so the new password holds");
                    return await MarkAsync(run, observed, RotationTokens.PasswordSetStage).ConfigureAwait(false);
                case SentState.Ended:
                    return await HsmFailures.StopAsync(run, observed, "change-password (an interrupted attempt, read from SSM's command history)", sent.Result).ConfigureAwait(false);
                case SentState.Unknown:
                    return StepResult.NeedsOperator(InterruptedChange.Unknown(run, observed, sent));
                default:
                    run.Record(EventKinds.Warning, "an earlier change-password was interrupted before SSM ran it on the host; changing again");
                    break;
            }
        }

        if (await UserChecks.ReadyAsync(run, observed, requireFullCoverage: false).ConfigureAwait(false) is { } notReady)
        {
            return notReady;
        }

        await MarkAsync(run, observed, RotationTokens.PasswordChangingStage).ConfigureAwait(false);
        run.Call("ssm:SendCommand", $"cloudhsm-cli user change-password --username {target.CryptoUser} --role crypto-user on {target.InstanceId} (cluster {target.ClusterId})", new Dictionary<string, string> { ["instance"] = target.InstanceId, ["cluster"] = target.ClusterId, ["current"] = SecretStages.Current, ["next"] = tokens.Pending });
        var result = await run.Ports.HsmUsers.ChangePasswordAsync(target, SecretVersionRef.ByStage(SecretStages.Current), pending, run.CancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? await MarkAsync(run, observed, RotationTokens.PasswordSetStage).ConfigureAwait(false)
            : await HsmFailures.StopAsync(run, observed, "change-password", result).ConfigureAwait(false);
    }

    private static async Task<StepResult> MarkAsync(RotationRun run, Observation observed, string stage)
    {
        await SecretLabels.AttachAsync(run, observed.Target.SecretArn, stage, observed.Tokens.Pending).ConfigureAwait(false);
        if (stage == RotationTokens.PasswordSetStage)
        {
            await RunRecordKeeper.PasswordChangedAsync(run, observed).ConfigureAwait(false);
        }

        return StepResult.Continue;
    }

    /// <summary>What this step reads and changes, with the AWS calls behind it, as `plan` prints it.</summary>
    public StepText Describe(RotationPlan plan)
    {
        var t = plan.Target.Key();
        var user = plan.TargetSlot.CryptoUser;
        return new StepText(
            $"Set it on {t}'s cluster as {user} (cloudhsm-cli on {t}'s admin host)",
            [$"ssm:SendCommand cloudhsm-cli user list ({user} present, not locked)"],
            [$"secretsmanager:UpdateSecretVersionStage label {RotationTokens.PasswordChangingStage} (a crash after this resumes with one login, not a second change)", $"ssm:SendCommand cloudhsm-cli user change-password, logged in as {user} with AWSCURRENT; the host reads both versions itself", $"secretsmanager:UpdateSecretVersionStage label {RotationTokens.PasswordSetStage}"],
            "a failed login stops the run (exit 3), never retried");
    }
}
