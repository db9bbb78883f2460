using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// finishSecret: AWSCURRENT moves to the pending version (AWSPREVIOUS follows to the seed), then AWSPENDING and our
/// label are removed, so the secret ends as the rotation protocol requires. Each move is skipped once done.
/// </summary>
internal sealed class PromoteSecretStep : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run) => (await SecretView.ReadAsync(run).ConfigureAwait(false)).Finished;

    public async Task<StepResult> ApplyAsync(RotationRun run)
    {
        var view = await SecretView.ReadAsync(run).ConfigureAwait(false);
        var secret = run.TargetOutputs.SecretArn;
        var pending = view.Tokens.Pending;
        if (!view.Promoted)
        {
            var current = view.Versions.VersionWith(SecretStages.Current);
            await MoveAsync(run, secret, SecretStages.Current, pending, current).ConfigureAwait(false);
        }

        if (view.HasStage(pending, SecretStages.Pending))
        {
            await MoveAsync(run, secret, SecretStages.Pending, null, pending).ConfigureAwait(false);
        }

        foreach (var stage in RotationTokens.ProgressStages.Where(s => view.HasStage(pending, s)))
        {
            await MoveAsync(run, secret, stage, null, pending).ConfigureAwait(false);
        }

        return StepResult.Continue;
    }

    /// <summary>
    /// Puts one of our labels on a version. Secrets Manager refuses to move a label that another version holds unless
    /// told that version, and an aborted attempt can have left one there.
    /// </summary>
    internal static async Task AttachAsync(RotationRun run, string secret, string stage, string version)
    {
        var holder = (await run.Ports.Secrets.DescribeAsync(secret, run.CancellationToken).ConfigureAwait(false)).VersionWith(stage);
        await MoveAsync(run, secret, stage, version, holder is not null && holder != version ? holder : null).ConfigureAwait(false);
    }

    internal static async Task MoveAsync(RotationRun run, string secret, string stage, string? moveTo, string? removeFrom)
    {
        var what = moveTo is null ? $"remove {stage} from {removeFrom}" : $"move {stage} to {moveTo}" + (removeFrom is null ? string.Empty : $" from {removeFrom}");
        var data = new Dictionary<string, string> { ["secret"] = secret, ["stage"] = stage };
        if (moveTo is not null)
        {
            data["moveTo"] = moveTo;
        }

        if (removeFrom is not null)
        {
            data["removeFrom"] = removeFrom;
        }

        run.Call("secretsmanager:UpdateSecretVersionStage", what, data);
        await run.Ports.Secrets.MoveStageAsync(secret, stage, moveTo, removeFrom, run.CancellationToken).ConfigureAwait(false);
    }
}
