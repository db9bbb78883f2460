using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// A change-password whose result was never recorded (a crash after the HSMBG_PASSWORD_CHANGING mark) is looked up
/// in SSM's command history, not tested with a login: the HSM may still hold the old password, and a login with the
/// new one would then fail and count toward the user's lockout.
/// </summary>
internal static class InterruptedChange
{
    public static async Task<SentChange> ReadAsync(RotationRun run, Observation observed)
    {
        var target = observed.TargetUser(run.Plan);
        var pending = observed.Tokens.Pending;
        run.Call("ssm:ListCommands", $"SSM command history: was change-password to version {pending} sent to {target.InstanceId}, and how did it end? (no login)", new Dictionary<string, string> { ["instance"] = target.InstanceId, ["cluster"] = target.ClusterId, ["next"] = pending });
        return await run.Ports.HsmUsers.FindChangeAsync(target, new SecretVersionRef(pending, SecretStages.Pending), run.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>What an admin checks by hand when the history cannot tell, and which label then lets resume go on.</summary>
    public static string Unknown(RotationRun run, Observation observed, SentChange sent)
    {
        var target = observed.TargetUser(run.Plan);
        var pending = observed.Tokens.Pending;
        var secret = observed.Target.SecretArn;
        return $"change-password on {run.Target.Key()}'s cluster {target.ClusterId} was interrupted and SSM's command history cannot tell whether it ran ({sent.Result.Detail}). No login was attempted. " +
            $"An admin checks with cloudhsm-cli on {target.InstanceId} which password {target.CryptoUser} has: if the secret's AWSPENDING (version {pending}), 'aws secretsmanager update-secret-version-stage --secret-id {secret} --version-stage {RotationTokens.PasswordSetStage} --move-to-version-id {pending}'; " +
            $"if AWSCURRENT, the same with '--version-stage {RotationTokens.PasswordChangingStage} --remove-from-version-id {pending}' to change it again. Then 'hsm-rotate resume --stack {run.Stack}'.";
    }
}
