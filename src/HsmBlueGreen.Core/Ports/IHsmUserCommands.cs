namespace HsmBlueGreen.Core.Ports;

/// <summary>
/// cloudhsm-cli run inside the VPC on a slot's admin host (SSM Run Command). The host reads the secret
/// versions from Secrets Manager itself, so no password crosses the command text, SSM history or logs.
/// A failed login is reported, never retried: users lock after a few failures.
/// </summary>
public interface IHsmUserCommands
{
    /// <summary>Logged in as the user with <paramref name="current"/>, sets the password held in <paramref name="next"/>.</summary>
    Task<HsmCommandResult> ChangePasswordAsync(HsmUserTarget target, SecretVersionRef current, SecretVersionRef next, CancellationToken cancellationToken);

    Task<UserListResult> ListUsersAsync(HsmUserTarget target, CancellationToken cancellationToken);

    /// <summary>
    /// What SSM's command history says about the change-password command that set <paramref name="next"/> (found by the
    /// command's comment, which names that version): never sent, how it ended (read from its invocation), or that SSM
    /// cannot tell. Never logs in, so it costs no login attempt.
    /// </summary>
    Task<SentChange> FindChangeAsync(HsmUserTarget target, SecretVersionRef next, CancellationToken cancellationToken);

    /// <summary>A real login with the credential at that version (and logout).</summary>
    Task<HsmCommandResult> LoginAsync(HsmUserTarget target, SecretVersionRef credential, CancellationToken cancellationToken);

    /// <summary>
    /// Logged in as the user with <paramref name="credential"/>, `key list --filter attr.label=...`: the keys with that
    /// label this user can reach, with who owns and who shares each (dual-user needs both slots' users on every key).
    /// </summary>
    Task<KeySharingResult> ListKeySharingAsync(HsmUserTarget target, SecretVersionRef credential, string label, CancellationToken cancellationToken);
}

/// <summary>Where and as whom: the admin host instance, the cluster, the secret that holds the user's credential.</summary>
public sealed record HsmUserTarget(string InstanceId, string ClusterId, string SecretId, string CryptoUser);

public enum HsmCommandOutcome
{
    Succeeded,
    BadCredentials,
    UserLocked,
    UserInconsistent,
    QuorumRequired,
    ClusterUnreachable,
    ClusterNotActive,
    HostUnavailable,
    Failed,
}

/// <summary><paramref name="Detail"/> is for people and never holds a secret.</summary>
public sealed record HsmCommandResult(HsmCommandOutcome Outcome, string Detail)
{
    public bool Succeeded => Outcome == HsmCommandOutcome.Succeeded;
}

/// <summary>Whether a change-password command reached SSM, as its command history says.</summary>
public enum SentState
{
    /// <summary>SSM has no such command, or it was never delivered to the host: the HSM did not see it.</summary>
    NotSent,

    /// <summary>It ran to an end; the result says how.</summary>
    Ended,

    /// <summary>The history could not be read or does not settle it.</summary>
    Unknown,
}

/// <summary><paramref name="Result"/> is the command's result when it ended, otherwise why it is not known.</summary>
public sealed record SentChange(SentState State, HsmCommandResult Result);

/// <summary>One row of `user list`. Locked and coverage stay strings because the CLI also says "inconsistent".</summary>
public sealed record HsmUser(string Username, string Role, string Locked, string ClusterCoverage, bool MfaEnabled);

public sealed record UserListResult(HsmCommandResult Result, IReadOnlyList<HsmUser> Users);

/// <summary>One key as `key list --verbose` shows it: its reference, its owners and the users it is shared with.</summary>
public sealed record HsmKeySharing(string KeyReference, IReadOnlyList<string> Owners, IReadOnlyList<string> SharedUsers)
{
    /// <summary>The `class` attribute `key list --verbose` prints for a public key.</summary>
    public const string PublicKeyClass = "public-key";

    /// <summary>The key's `class` attribute (public-key, private-key, secret-key), when the listing shows it.</summary>
    public string? KeyClass { get; init; }

    /// <summary>A public key can be used by every crypto user on the cluster, shared or not (`key list` lists them all).</summary>
    public bool IsPublic => string.Equals(KeyClass, PublicKeyClass, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the user can use the key: it is public, or the user owns it or has it shared (CloudHSM compares user names without case).</summary>
    public bool Reaches(string user) => IsPublic || Owners.Concat(SharedUsers).Contains(user, StringComparer.OrdinalIgnoreCase);
}

public sealed record KeySharingResult(HsmCommandResult Result, IReadOnlyList<HsmKeySharing> Keys);
