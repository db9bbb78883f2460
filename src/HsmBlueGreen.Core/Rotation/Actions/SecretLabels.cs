using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Actions;

/// <summary>Staging-label moves on a secret, each recorded before it is made; steps and operations share them.</summary>
internal static class SecretLabels
{
    /// <summary>
    /// Puts one of our labels on a version. Secrets Manager refuses to move a label that another version holds unless
    /// told that version, and an aborted attempt can have left one there.
    /// </summary>
    public static async Task AttachAsync(RotationRun run, string secret, string stage, string version)
    {
        var holder = (await run.Ports.Secrets.DescribeAsync(secret, run.CancellationToken).ConfigureAwait(false)).VersionWith(stage);
        await MoveAsync(run, secret, stage, version, holder is not null && holder != version ? holder : null).ConfigureAwait(false);
    }

    /// <summary>Moves <paramref name="stage"/> to <paramref name="moveTo"/> (null: only removes it) from <paramref name="removeFrom"/>.</summary>
    public static async Task MoveAsync(RotationRun run, string secret, string stage, string? moveTo, string? removeFrom)
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
