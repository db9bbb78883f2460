using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// setSecret: cloudhsm-cli on the target's admin host, logged in as the user with AWSCURRENT, sets AWSPENDING.
/// The host reads both versions from Secrets Manager itself; a label on the pending version records success.
/// </summary>
internal sealed class SetPasswordStep : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run) => (await SecretView.ReadAsync(run).ConfigureAwait(false)).PasswordSet;

    public async Task<StepResult> ApplyAsync(RotationRun run)
    {
        var target = run.TargetUser;
        if (await UserChecks.ReadyAsync(run, requireFullCoverage: false).ConfigureAwait(false) is { } notReady)
        {
            return notReady;
        }

        var tokens = run.RequireTokens;
        run.Call("ssm:SendCommand", $"cloudhsm-cli user change-password --username {target.CryptoUser} --role crypto-user on {target.InstanceId} (cluster {target.ClusterId})", new Dictionary<string, string> { ["instance"] = target.InstanceId, ["cluster"] = target.ClusterId, ["current"] = SecretStages.Current, ["next"] = tokens.Pending });
        var result = await run.Ports.HsmUsers.ChangePasswordAsync(target, SecretVersionRef.ByStage(SecretStages.Current), new SecretVersionRef(tokens.Pending, SecretStages.Pending), run.CancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return await HsmFailures.StopAsync(run, "change-password", result).ConfigureAwait(false);
        }

        run.Call("secretsmanager:UpdateSecretVersionStage", $"mark version {tokens.Pending} {RotationTokens.PasswordSetStage}", new Dictionary<string, string> { ["versionId"] = tokens.Pending, ["stage"] = RotationTokens.PasswordSetStage });
        await run.Ports.Secrets.MoveStageAsync(target.SecretId, RotationTokens.PasswordSetStage, tokens.Pending, null, run.CancellationToken).ConfigureAwait(false);
        return StepResult.Continue;
    }
}
