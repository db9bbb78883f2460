using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Core.Tests.Rotation.Fakes;

/// <summary>
/// cloudhsm-cli on an admin host: like the real host it reads the secret versions from the secret store itself and
/// compares them with the user's password on the cluster; five failed logins lock the user.
/// </summary>
public sealed class FakeHsmUsers(FakeAccount account) : IHsmUserCommands
{
    public int Logins { get; private set; }

    public async Task<HsmCommandResult> ChangePasswordAsync(HsmUserTarget target, SecretVersionRef current, SecretVersionRef next, CancellationToken cancellationToken)
    {
        account.Touch("hsm.change-password");
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
