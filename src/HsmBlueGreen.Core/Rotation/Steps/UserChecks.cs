using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>`user list` (needs no login): the crypto user exists and is not locked, and after a change covers every HSM.</summary>
internal static class UserChecks
{
    public static async Task<StepResult?> ReadyAsync(RotationRun run, StackObservation observed, bool requireFullCoverage)
    {
        var target = observed.TargetUser(run.Plan);
        run.Call("ssm:SendCommand", $"cloudhsm-cli user list on {target.InstanceId} (cluster {target.ClusterId})", new Dictionary<string, string> { ["instance"] = target.InstanceId, ["cluster"] = target.ClusterId });
        var list = await run.Ports.HsmUsers.ListUsersAsync(target, run.CancellationToken).ConfigureAwait(false);
        if (!list.Result.Succeeded)
        {
            return StepResult.NeedsOperator($"'user list' failed on {run.Target.Key()}'s admin host {target.InstanceId}: {list.Result.Outcome} ({list.Result.Detail}). Check the host's SSM agent and cloudhsm-cli configuration, then 'hsm-rotate resume --stack {run.Stack}'.");
        }

        var user = list.Users.FirstOrDefault(u => string.Equals(u.Username, target.CryptoUser, StringComparison.OrdinalIgnoreCase));
        var fix = $"An admin must fix it on cluster {target.ClusterId} (cloudhsm-cli user list / user change-password), then 'hsm-rotate resume --stack {run.Stack}'.";
        if (user is null)
        {
            return StepResult.NeedsOperator($"crypto user {target.CryptoUser} does not exist on {run.Target.Key()}'s cluster {target.ClusterId} (was it restored from a backup of {run.Source.Key()}'s cluster?). {fix}");
        }

        if (!string.Equals(user.Locked, "false", StringComparison.Ordinal))
        {
            return StepResult.NeedsOperator($"crypto user {target.CryptoUser} on {run.Target.Key()}'s cluster shows locked \"{user.Locked}\"; no login was attempted. {fix}");
        }

        if (requireFullCoverage && !string.Equals(user.ClusterCoverage, "full", StringComparison.Ordinal))
        {
            return StepResult.NeedsOperator($"crypto user {target.CryptoUser} on {run.Target.Key()}'s cluster shows cluster-coverage \"{user.ClusterCoverage}\": the password change did not reach every HSM. {fix}");
        }

        return null;
    }
}
