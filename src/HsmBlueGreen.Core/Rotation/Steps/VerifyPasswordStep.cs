using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>testSecret: `user list` shows the user unlocked on every HSM, and one real login with AWSPENDING works.</summary>
internal sealed class VerifyPasswordStep : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run, Observation observed) => (await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).Promoted;

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        if (await UserChecks.ReadyAsync(run, observed, requireFullCoverage: true).ConfigureAwait(false) is { } notReady)
        {
            return notReady;
        }

        var target = observed.TargetUser(run.Plan);
        var pending = new SecretVersionRef(observed.Tokens.Pending, SecretStages.Pending);
        run.Call("ssm:SendCommand", $"cloudhsm-cli login --username {target.CryptoUser} --role crypto-user with AWSPENDING on {target.InstanceId}, then logout", new Dictionary<string, string> { ["instance"] = target.InstanceId, ["cluster"] = target.ClusterId, ["version"] = pending.VersionId! });
        var login = await run.Ports.HsmUsers.LoginAsync(target, pending, run.CancellationToken).ConfigureAwait(false);
        return login.Succeeded ? StepResult.Continue : await HsmFailures.StopAsync(run, observed, "login with the new password", login).ConfigureAwait(false);
    }

    /// <summary>What this step reads and changes, with the AWS calls behind it, as `plan` prints it.</summary>
    public StepText Describe(RotationPlan plan)
    {
        var user = plan.TargetSlot.CryptoUser;
        return new StepText(
            "Verify the new password",
            [$"ssm:SendCommand cloudhsm-cli user list: locked \"false\", cluster-coverage \"full\"", "ssm:SendCommand cloudhsm-cli login with AWSPENDING, then logout"],
            [],
            "a failed login stops the run (exit 3); resume needs --acknowledge-login-failure");
    }
}
