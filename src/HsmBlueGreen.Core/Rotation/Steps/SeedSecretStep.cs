using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// The target's cluster came from the source's backup, so its user still has the password the source had when that
/// backup was taken: the target secret gets a copy of that version of the source's credential (chosen in preflight,
/// held in memory only, never logged) as its AWSCURRENT.
/// </summary>
internal sealed class SeedSecretStep : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run, Observation observed) => (await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).Seeded;

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        var tokens = observed.Tokens;
        var source = observed.Source.SecretArn;
        run.Call("secretsmanager:GetSecretValue", $"read {run.Source.Key()}'s credential as of {run.Target.Key()}'s backup (version {tokens.SourceVersionId})", new Dictionary<string, string> { ["secret"] = source, ["versionId"] = tokens.SourceVersionId });
        var credential = await run.Ports.Secrets.GetAsync(source, SecretVersionRef.ById(tokens.SourceVersionId), run.CancellationToken).ConfigureAwait(false);
        if (credential is null)
        {
            return StepResult.NeedsOperator($"{run.Source.Key()}'s secret {source} no longer has version {tokens.SourceVersionId}: it changed during the run. Check its versions, then run 'hsm-rotate resume --stack {run.Stack}'.");
        }

        if (!string.Equals(credential.Username, run.Plan.TargetSlot.CryptoUser, StringComparison.OrdinalIgnoreCase))
        {
            return StepResult.BadInput($"{run.Source.Key()}'s secret holds user '{credential.Username}' but slots.{run.Target.Key()}.cryptoUser is '{run.Plan.TargetSlot.CryptoUser}'. Fix the stack config or the secret so both name the same crypto user.");
        }

        var target = observed.Target.SecretArn;
        run.Call("secretsmanager:PutSecretValue", $"seed {run.Target.Key()}'s secret with a copy of {run.Source.Key()}'s credential as AWSCURRENT (version {tokens.Seed})", new Dictionary<string, string> { ["secret"] = target, ["versionId"] = tokens.Seed, ["stages"] = SecretStages.Current });
        await run.Ports.Secrets.PutAsync(target, tokens.Seed, credential, [SecretStages.Current], run.CancellationToken).ConfigureAwait(false);
        return StepResult.Continue;
    }

    /// <summary>What this step reads and changes, with the AWS calls behind it, as `plan` prints it.</summary>
    public StepText Describe(RotationPlan plan)
    {
        var s = plan.Source.Key();
        var t = plan.Target.Key();
        return new StepText(
            $"Seed {t}'s secret with {s}'s credential as of {t}'s backup (its cluster came from {s}'s backup)",
            [$"secretsmanager:GetSecretValue {s} at the version preflight chose (kept in memory only)"],
            [$"secretsmanager:PutSecretValue {t} as AWSCURRENT"]);
    }
}
