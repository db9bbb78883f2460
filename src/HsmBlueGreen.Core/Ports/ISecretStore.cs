using HsmBlueGreen.Core.Secrets;

namespace HsmBlueGreen.Core.Ports;

/// <summary>Secrets Manager, shaped by the rotation protocol (versions and staging labels).</summary>
public interface ISecretStore
{
    Task<SecretVersions> DescribeAsync(string secretId, CancellationToken cancellationToken);

    /// <summary>The versions that carry a staging label, each with when it was created (ListSecretVersionIds).</summary>
    Task<IReadOnlyList<SecretVersionInfo>> ListVersionsAsync(string secretId, CancellationToken cancellationToken);

    /// <summary>The credential at that version, or null when the secret has no such version or stage.</summary>
    Task<Credential?> GetAsync(string secretId, SecretVersionRef version, CancellationToken cancellationToken);

    /// <summary>Idempotent for the same token and value (the service's own contract).</summary>
    Task PutAsync(string secretId, string clientRequestToken, Credential value, IReadOnlyList<string> stages, CancellationToken cancellationToken);

    Task MoveStageAsync(string secretId, string stage, string? moveToVersionId, string? removeFromVersionId, CancellationToken cancellationToken);

    Task<Sensitive> GeneratePasswordAsync(PasswordPolicy policy, CancellationToken cancellationToken);
}

public static class SecretStages
{
    public const string Current = "AWSCURRENT";
    public const string Pending = "AWSPENDING";
    public const string Previous = "AWSPREVIOUS";
}

/// <summary>Selects a version by id, by staging label, or both (both must then match).</summary>
public sealed record SecretVersionRef(string? VersionId, string? Stage)
{
    public static SecretVersionRef ByStage(string stage) => new(null, stage);

    public static SecretVersionRef ById(string versionId) => new(versionId, null);
}

/// <summary>The secret's versions and their staging labels (DescribeSecret's VersionIdsToStages).</summary>
public sealed record SecretVersions(string Arn, IReadOnlyDictionary<string, IReadOnlyList<string>> VersionStages)
{
    public string? VersionWith(string stage) =>
        VersionStages.FirstOrDefault(pair => pair.Value.Contains(stage, StringComparer.Ordinal)).Key;
}

/// <summary>One version of a secret without its value: its id, when PutSecretValue created it, and its staging labels.</summary>
public sealed record SecretVersionInfo(string VersionId, DateTimeOffset CreatedAt, IReadOnlyList<string> Stages)
{
    public bool Has(string stage) => Stages.Contains(stage, StringComparer.Ordinal);
}

/// <summary>
/// A generated password's rules. CloudHSM passwords are 8-32 characters and ':' separates user and
/// password in CLOUDHSM_PIN, so it is never allowed; characters a shell would expand are excluded too.
/// </summary>
public sealed record PasswordPolicy(int Length, string ExcludeCharacters)
{
    public static readonly PasswordPolicy CloudHsm = new(32, ":/@\"'\\`$!&*()[]{}<>|;?~#%^=,");
}
