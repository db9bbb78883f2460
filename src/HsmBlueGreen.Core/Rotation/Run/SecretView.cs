using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>The target secret's versions read against this rotation's tokens: how far the secret protocol got.</summary>
internal sealed record SecretView(SecretVersions Versions, RotationTokens Tokens)
{
    public bool Promoted => HasStage(Tokens.Pending, SecretStages.Current);

    public bool PendingCreated => Versions.VersionStages.ContainsKey(Tokens.Pending);

    public bool Seeded => PendingCreated || HasStage(Tokens.Seed, SecretStages.Current);

    public bool PasswordSet => Promoted || HasStage(Tokens.Pending, RotationTokens.PasswordSetStage);

    public bool LoginFailed => HasStage(Tokens.Pending, RotationTokens.LoginFailedStage);

    /// <summary>Nothing of the rotation left behind: AWSPENDING on no version and no custom label on ours.</summary>
    public bool Finished => Promoted && Versions.VersionWith(SecretStages.Pending) is null && !RotationTokens.ProgressStages.Any(s => HasStage(Tokens.Pending, s));

    /// <summary>change-password was started but its outcome not recorded (a crash in between).</summary>
    public bool ChangeInDoubt => HasStage(Tokens.Pending, RotationTokens.PasswordChangingStage) && !PasswordSet;

    public bool HasStage(string versionId, string stage) =>
        Versions.VersionStages.TryGetValue(versionId, out var stages) && stages.Contains(stage, StringComparer.Ordinal);

    public static async Task<SecretView> ReadAsync(RotationRun run, Observation observed) =>
        new(await run.Ports.Secrets.DescribeAsync(observed.Target.SecretArn, run.CancellationToken).ConfigureAwait(false), observed.Tokens);
}
