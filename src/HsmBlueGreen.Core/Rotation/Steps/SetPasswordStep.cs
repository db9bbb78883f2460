using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// setSecret: cloudhsm-cli on the target's admin host, logged in as the user with AWSCURRENT, sets AWSPENDING.
/// The host reads both versions from Secrets Manager itself. Labels on the pending version record the attempt and
/// its success, so a crash in between is resolved with one login instead of a second change.
/// </summary>
internal sealed class SetPasswordStep : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run) => (await SecretView.ReadAsync(run).ConfigureAwait(false)).PasswordSet;

    public async Task<StepResult> ApplyAsync(RotationRun run)
    {
        var target = run.TargetUser;
        var tokens = run.RequireTokens;
        var pending = new SecretVersionRef(tokens.Pending, SecretStages.Pending);
        if ((await SecretView.ReadAsync(run).ConfigureAwait(false)).ChangeInDoubt)
        {
            run.Record(EventKinds.Warning, "an earlier change-password was interrupted; one login with AWSPENDING tells whether it landed");
            run.Call("ssm:SendCommand", $"cloudhsm-cli login --username {target.CryptoUser} with AWSPENDING on {target.InstanceId}, then logout", new Dictionary<string, string> { ["instance"] = target.InstanceId, ["cluster"] = target.ClusterId });
            var landed = await run.Ports.HsmUsers.LoginAsync(target, pending, run.CancellationToken).ConfigureAwait(false);
            return landed.Succeeded
                ? await MarkAsync(run, RotationTokens.PasswordSetStage).ConfigureAwait(false)
                : await HsmFailures.StopAsync(run, "login with the new password after an interrupted change-password", landed).ConfigureAwait(false);
        }

        if (await UserChecks.ReadyAsync(run, requireFullCoverage: false).ConfigureAwait(false) is { } notReady)
        {
            return notReady;
        }

        await MarkAsync(run, RotationTokens.PasswordChangingStage).ConfigureAwait(false);
        run.Call("ssm:SendCommand", $"cloudhsm-cli user change-password --username {target.CryptoUser} --role crypto-user on {target.InstanceId} (cluster {target.ClusterId})", new Dictionary<string, string> { ["instance"] = target.InstanceId, ["cluster"] = target.ClusterId, ["current"] = SecretStages.Current, ["next"] = tokens.Pending });
        var result = await run.Ports.HsmUsers.ChangePasswordAsync(target, SecretVersionRef.ByStage(SecretStages.Current), pending, run.CancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? await MarkAsync(run, RotationTokens.PasswordSetStage).ConfigureAwait(false)
            : await HsmFailures.StopAsync(run, "change-password", result).ConfigureAwait(false);
    }

    private static async Task<StepResult> MarkAsync(RotationRun run, string stage)
    {
        await PromoteSecretStep.AttachAsync(run, run.TargetOutputs.SecretArn, stage, run.RequireTokens.Pending).ConfigureAwait(false);
        return StepResult.Continue;
    }
}
