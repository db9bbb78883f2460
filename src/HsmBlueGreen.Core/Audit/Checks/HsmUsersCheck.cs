using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>
/// Through each slot's admin host, `user list` shows the crypto user neither locked nor inconsistent (present on
/// every HSM). The script returns only that user's row; its MFA state is part of the evidence.
/// </summary>
public sealed class HsmUsersCheck() : AuditCheck(
    "hsm-users",
    "HSM users not locked and consistent on every HSM",
    "a locked user needs an admin to unlock it (cloudhsm-cli user change-password as admin, or contact AWS); an inconsistent one needs the user synchronised across HSMs (see the CloudHSM guide on inconsistent users).")
{
    public override async Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var parts = new List<(AuditOutcome, string)>();
        foreach (var (color, slot) in session.Slots)
        {
            if (!session.CryptoUsers.TryGetValue(color, out var userName))
            {
                parts.Add((AuditOutcome.CannotTell, $"{color.Key()}: the stack config names no crypto user"));
                continue;
            }

            var target = new HsmUserTarget(slot.AdminInstanceId, slot.ClusterId, slot.SecretArn, userName);
            var list = await session.Ports.Users.ListUsersAsync(target, cancellationToken).ConfigureAwait(false);
            parts.Add(Judge(color.Key(), userName, list));
        }

        return Combine(parts);
    }

    private static (AuditOutcome, string) Judge(string slot, string userName, UserListResult list)
    {
        if (!list.Result.Succeeded)
        {
            return (AuditOutcome.CannotTell, $"{slot}: user list failed ({list.Result.Outcome}): {list.Result.Detail}");
        }

        var user = list.Users.FirstOrDefault(u => string.Equals(u.Username, userName, StringComparison.OrdinalIgnoreCase));
        if (user is null)
        {
            return (AuditOutcome.Fail, $"{slot}: {userName} is not in the user list");
        }

        var problems = new List<string>();
        if (!string.Equals(user.Locked, "false", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"locked={user.Locked}");
        }

        if (!string.Equals(user.ClusterCoverage, "full", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"coverage={user.ClusterCoverage}");
        }

        var mfa = user.MfaEnabled ? "MFA on" : "MFA off";
        return problems.Count == 0
            ? (AuditOutcome.Pass, $"{slot}: {user.Username} ({user.Role}) unlocked, full coverage, {mfa}")
            : (AuditOutcome.Fail, $"{slot}: {user.Username} ({user.Role}) {string.Join(", ", problems)}, {mfa}");
    }
}
