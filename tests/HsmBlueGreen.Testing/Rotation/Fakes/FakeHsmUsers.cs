using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>
/// cloudhsm-cli on an admin host: like the real host it reads the secret versions from the secret store itself and
/// compares them with the user's password on the cluster; five failed logins lock the user. Like SSM it keeps the
/// history of the change-password commands sent (a crash at "hsm.change-password" is before SendCommand, one at
/// "hsm.change-password.sent" after it, before its result is read), readable without a login.
/// </summary>
public sealed class FakeHsmUsers(FakeAccount account) : IHsmUserCommands
{
    private List<SentHsmCommand> History => account.CommandHistory;

    public int Logins { get; private set; }

    public async Task<HsmCommandResult> ChangePasswordAsync(HsmUserTarget target, SecretVersionRef current, SecretVersionRef next, CancellationToken cancellationToken)
    {
        account.Touch("hsm.change-password");
        var entry = History.Count;
        History.Add(new SentHsmCommand(target.InstanceId, Name(next), null));
        var result = await ChangeOnHostAsync(target, current, next, cancellationToken);
        History[entry] = History[entry] with { Result = result };
        account.Touch("hsm.change-password.sent");
        return result;
    }

    public Task<SentChange> FindChangeAsync(HsmUserTarget target, SecretVersionRef next, CancellationToken cancellationToken)
    {
        account.Touch("hsm.change-history");
        var sent = History.LastOrDefault(h => h.InstanceId == target.InstanceId && h.Next == Name(next));
        return Task.FromResult(
            account.CommandHistoryUnknown ? new SentChange(SentState.Unknown, new HsmCommandResult(HsmCommandOutcome.Failed, "the command history is not readable"))
            : sent is null ? new SentChange(SentState.NotSent, new HsmCommandResult(HsmCommandOutcome.Failed, "no such command"))
            : new SentChange(SentState.Ended, sent.Result ?? new HsmCommandResult(HsmCommandOutcome.Failed, "still running")));
    }

    private async Task<HsmCommandResult> ChangeOnHostAsync(HsmUserTarget target, SecretVersionRef current, SecretVersionRef next, CancellationToken cancellationToken)
    {
        var login = await LoginCoreAsync(target, current, cancellationToken);
        if (!login.Succeeded)
        {
            return login;
        }

        var value = await account.Secrets.GetAsync(target.SecretId, next, cancellationToken);
        if (value is null)
        {
            return new HsmCommandResult(HsmCommandOutcome.Failed, "the next version was not found");
        }

        account.UserOn(target).Password = value.Password.Reveal();
        return new HsmCommandResult(HsmCommandOutcome.Succeeded, "changed");
    }

    private static string Name(SecretVersionRef version) => version.VersionId ?? version.Stage!;

    public Task<UserListResult> ListUsersAsync(HsmUserTarget target, CancellationToken cancellationToken)
    {
        account.Touch("hsm.user-list");
        var user = account.UserOn(target);
        IReadOnlyList<HsmUser> users = [new HsmUser("admin", "admin", "false", "full", false), new HsmUser(target.CryptoUser, "crypto-user", user.Locked, user.Coverage, false)];
        return Task.FromResult(new UserListResult(new HsmCommandResult(HsmCommandOutcome.Succeeded, "listed"), users));
    }

    public Task<HsmCommandResult> LoginAsync(HsmUserTarget target, SecretVersionRef credential, CancellationToken cancellationToken)
    {
        account.Touch("hsm.login");
        return LoginCoreAsync(target, credential, cancellationToken);
    }

    /// <summary>Like `key list`: the keys with the label that the logged-in user owns or has shared.</summary>
    public async Task<KeySharingResult> ListKeySharingAsync(HsmUserTarget target, SecretVersionRef credential, string label, CancellationToken cancellationToken)
    {
        account.Touch("hsm.key-list");
        var login = await LoginCoreAsync(target, credential, cancellationToken);
        IReadOnlyList<HsmKeySharing> keys = login.Succeeded ? [.. account.Keys.GetValueOrDefault(label, []).Where(k => k.Reaches(target.CryptoUser))] : [];
        return new KeySharingResult(login, keys);
    }

    private async Task<HsmCommandResult> LoginCoreAsync(HsmUserTarget target, SecretVersionRef version, CancellationToken cancellationToken)
    {
        Logins++;
        var user = account.UserOn(target);
        var value = await account.Secrets.GetAsync(target.SecretId, version, cancellationToken);
        if (user.Locked == "true")
        {
            return new HsmCommandResult(HsmCommandOutcome.UserLocked, "user is locked");
        }

        if (value is null || value.Password.Reveal() != user.Password)
        {
            user.FailedLogins++;
            return new HsmCommandResult(HsmCommandOutcome.BadCredentials, "Incorrect authentication credentials");
        }

        return new HsmCommandResult(HsmCommandOutcome.Succeeded, "logged in");
    }
}

/// <summary>One change-password command in SSM's history: where it ran, the version it set, and its result once read.</summary>
public sealed record SentHsmCommand(string InstanceId, string Next, HsmCommandResult? Result);
