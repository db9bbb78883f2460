using System.Security.Cryptography;
using System.Text;

namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>
/// The target secret's version ids for one rotation, derived from the source secret's current version. A resume
/// (even from another machine) computes the same ids, finds them in AWS and knows how far the secret got; the
/// same ids also make PutSecretValue idempotent.
/// </summary>
public sealed record RotationTokens(string SourceVersionId, string Seed, string Pending)
{
    /// <summary>
    /// A custom staging label on the pending version just before change-password runs: if a crash leaves it without
    /// <see cref="PasswordSetStage"/>, the resume reads SSM's command history for that change instead of changing again
    /// blindly (a change logs in with AWSCURRENT, which fails if the first change had landed) or logging in with
    /// AWSPENDING (which fails if it had not).
    /// </summary>
    public const string PasswordChangingStage = "HSMBG_PASSWORD_CHANGING";

    /// <summary>A custom staging label on the pending version once cloudhsm-cli has set the password.</summary>
    public const string PasswordSetStage = "HSMBG_PASSWORD_SET";

    /// <summary>A custom staging label on the pending version after a failed login: resume then needs an acknowledgement.</summary>
    public const string LoginFailedStage = "HSMBG_LOGIN_FAILED";

    /// <summary>The labels of ours that a finished rotation leaves on no version.</summary>
    public static IReadOnlyList<string> ProgressStages { get; } = [PasswordChangingStage, PasswordSetStage];

    public static RotationTokens For(string sourceVersionId) =>
        new(sourceVersionId, Derive("seed", sourceVersionId), Derive("pending", sourceVersionId));

    /// <summary>
    /// A slot rotated in place (maintenance-window): once promoted, AWSCURRENT is our pending version, derived from
    /// what is now AWSPREVIOUS. A resume recognises that and keeps the rotation's ids instead of starting anew.
    /// </summary>
    public static RotationTokens InProgress(Ports.SecretVersions secret, string currentVersion) =>
        secret.VersionWith(Ports.SecretStages.Previous) is { } previous && For(previous).Pending == currentVersion ? For(previous) : For(currentVersion);

    private static string Derive(string purpose, string sourceVersionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"hsm-rotate/{purpose}/{sourceVersionId}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
