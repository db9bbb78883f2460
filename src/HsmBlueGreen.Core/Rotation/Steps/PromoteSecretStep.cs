using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// finishSecret: AWSCURRENT moves to the pending version (AWSPREVIOUS follows to the seed), then AWSPENDING and our
/// label are removed, so the secret ends as the rotation protocol requires. Each move is skipped once done.
/// </summary>
internal sealed class PromoteSecretStep : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run, Observation observed) => (await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).Finished;

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        // Verified, so the change has landed by now even if a crash lost set-password's own note of it.
        await RunRecordKeeper.PasswordChangedAsync(run, observed).ConfigureAwait(false);
        var view = await SecretView.ReadAsync(run, observed).ConfigureAwait(false);
        var secret = observed.Target.SecretArn;
        var pending = view.Tokens.Pending;
        if (!view.Promoted)
        {
            var current = view.Versions.VersionWith(SecretStages.Current);
            await SecretLabels.MoveAsync(run, secret, SecretStages.Current, pending, current).ConfigureAwait(false);
        }

        if (view.HasStage(pending, SecretStages.Pending))
        {
            await SecretLabels.MoveAsync(run, secret, SecretStages.Pending, null, pending).ConfigureAwait(false);
        }

        foreach (var stage in RotationTokens.ProgressStages.Where(s => view.HasStage(pending, s)))
        {
            await SecretLabels.MoveAsync(run, secret, stage, null, pending).ConfigureAwait(false);
        }

        return StepResult.Continue;
    }

    /// <summary>What this step reads and changes, with the AWS calls behind it, as `plan` prints it.</summary>
    public StepText Describe(RotationPlan plan)
    {
        return new StepText(
            "Promote AWSPENDING to AWSCURRENT",
            ["secretsmanager:DescribeSecret"],
            [$"secretsmanager:UpdateSecretVersionStage AWSCURRENT to the new version, AWSPREVIOUS to {plan.Strategy.PreviousVersion(plan)}", "secretsmanager:UpdateSecretVersionStage remove AWSPENDING and the HSMBG_ labels"]);
    }
}
