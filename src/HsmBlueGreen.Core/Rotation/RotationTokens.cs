using System.Security.Cryptography;
using System.Text;

namespace HsmBlueGreen.Core.Rotation;

/// <summary>
/// The target secret's version ids for one rotation, derived from the source secret's current version. A resume
/// (even from another machine) computes the same ids, finds them in AWS and knows how far the secret got; the
/// same ids also make PutSecretValue idempotent.
/// </summary>
public sealed record RotationTokens(string SourceVersionId, string Seed, string Pending)
{
    /// <summary>A custom staging label on the pending version once cloudhsm-cli has set the password.</summary>
    public const string PasswordSetStage = "HSMBG_PASSWORD_SET";

    /// <summary>A custom staging label on the pending version after a failed login: resume then needs an acknowledgement.</summary>
    public const string LoginFailedStage = "HSMBG_LOGIN_FAILED";

    public static RotationTokens For(string sourceVersionId) =>
        new(sourceVersionId, Derive("seed", sourceVersionId), Derive("pending", sourceVersionId));

    private static string Derive(string purpose, string sourceVersionId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"hsm-rotate/{purpose}/{sourceVersionId}"));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }
}
