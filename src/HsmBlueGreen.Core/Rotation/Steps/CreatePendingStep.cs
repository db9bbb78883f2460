using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Secrets;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>createSecret of the rotation protocol: a generated password stored as AWSPENDING on the target's secret.</summary>
internal sealed class CreatePendingStep : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run, Observation observed) => (await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).PendingCreated;

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        var tokens = observed.Tokens;
        var target = observed.Target.SecretArn;
        if (await run.Ports.Secrets.GetAsync(target, SecretVersionRef.ById(tokens.Pending), run.CancellationToken).ConfigureAwait(false) is not null)
        {
            // An aborted attempt left this version without labels. Secrets Manager keeps it and refuses its id with another
            // value, so the rotation takes it up again; the change-password that follows sets it whatever the HSM had.
            var holder = (await run.Ports.Secrets.DescribeAsync(target, run.CancellationToken).ConfigureAwait(false)).VersionWith(SecretStages.Pending);
            await SecretLabels.MoveAsync(run, target, SecretStages.Pending, tokens.Pending, holder).ConfigureAwait(false);
            return StepResult.Continue;
        }

        var policy = PasswordPolicy.CloudHsm;
        run.Call("secretsmanager:GetRandomPassword", $"generate a {policy.Length}-character password without ':' or shell characters");
        var password = await run.Ports.Secrets.GeneratePasswordAsync(policy, run.CancellationToken).ConfigureAwait(false);
        if (PasswordRules.Violation(password, policy) is { } violation)
        {
            return StepResult.NeedsOperator($"the generated password breaks the CloudHSM password policy ({violation}); nothing was stored. Check the secrets adapter's GetRandomPassword request, then run 'hsm-rotate resume --stack {run.Stack}'.");
        }

        run.Call("secretsmanager:PutSecretValue", $"store the new password on {run.Target.Key()}'s secret as AWSPENDING (version {tokens.Pending})", new Dictionary<string, string> { ["secret"] = target, ["versionId"] = tokens.Pending, ["stages"] = SecretStages.Pending });
        await run.Ports.Secrets.PutAsync(target, tokens.Pending, new Credential(run.Plan.TargetSlot.CryptoUser, password), [SecretStages.Pending], run.CancellationToken).ConfigureAwait(false);
        return StepResult.Continue;
    }

    /// <summary>What this step reads and changes, with the AWS calls behind it, as `plan` prints it.</summary>
    public StepText Describe(RotationPlan plan)
    {
        var t = plan.Target.Key();
        return new StepText(
            "Create the new password as AWSPENDING",
            [$"secretsmanager:GetRandomPassword ({PasswordPolicy.CloudHsm.Length} characters, no ':' and no shell characters)"],
            [$"secretsmanager:PutSecretValue {t} as AWSPENDING"]);
    }
}

/// <summary>Checks a generated password against the policy; the answer never quotes the password.</summary>
public static class PasswordRules
{
    public static string? Violation(Sensitive password, PasswordPolicy policy)
    {
        var text = password.Reveal();
        if (text.Length != policy.Length)
        {
            return $"length {text.Length}, expected {policy.Length}";
        }

        if (text.Any(c => policy.ExcludeCharacters.Contains(c, StringComparison.Ordinal)))
        {
            return "contains an excluded character such as ':'";
        }

        return text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c > '~') ? "contains whitespace, a control or a non-ASCII character" : null;
    }
}
