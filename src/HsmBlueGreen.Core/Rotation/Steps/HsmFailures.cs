using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// What a failed cloudhsm-cli command means for the run. A failed login is never retried (users lock after five);
/// it is marked on the pending version in AWS so that any later resume, from any machine, needs an acknowledgement.
/// </summary>
internal static class HsmFailures
{
    public static bool IsLoginFailure(HsmCommandOutcome outcome) =>
        outcome is HsmCommandOutcome.BadCredentials or HsmCommandOutcome.UserLocked;

    public static async Task<StepResult> StopAsync(RotationRun run, Observation observed, string action, HsmCommandResult result)
    {
        var user = run.Plan.TargetSlot.CryptoUser;
        var where = $"{run.Target.Key()}'s cluster {observed.Target.ClusterId} via admin host {observed.Target.AdminInstanceId}";
        if (!IsLoginFailure(result.Outcome))
        {
            return StepResult.NeedsOperator($"{action} failed on {where}: {result.Outcome} ({result.Detail}). Not retried. Check the host's SSM agent and cloudhsm-cli, then 'hsm-rotate resume --stack {run.Stack}'.");
        }

        await SecretLabels.AttachAsync(run, observed.Target.SecretArn, RotationTokens.LoginFailedStage, observed.Tokens.Pending).ConfigureAwait(false);
        return StepResult.NeedsOperator(
            $"{action}: login as {user} failed on {where} ({result.Outcome}: {result.Detail}). Not retried: the user locks after 5 failed logins. " +
            $"Check with an admin: 'cloudhsm-cli user list' (is {user} locked?), whether {run.Target.Key()}'s cluster was restored from a backup of {run.Source.Key()}'s cluster, " +
            $"and the secret's AWSCURRENT/AWSPENDING versions. Then 'hsm-rotate resume --stack {run.Stack} --acknowledge-login-failure', or 'hsm-rotate abort --stack {run.Stack}'.");
    }
}
