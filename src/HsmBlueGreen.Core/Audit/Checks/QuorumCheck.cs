namespace HsmBlueGreen.Core.Audit.Checks;

/// <summary>
/// The quorum value for user management is readable only with an admin login, which the audit deliberately
/// does not hold; it says so rather than guess, with the commands to check by hand.
/// </summary>
public sealed class QuorumCheck() : AuditCheck(
    "user-quorum",
    "quorum (M of N) for user management",
    "log in as an admin on the admin host and run `quorum token-sign list-quorum-values`; raise the user service to 2 or more with `quorum token-sign set-quorum-value --service user --value 2` (keep M+1 admins with registered quorum keys).")
{
    public override Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken) =>
        Task.FromResult(Unknown("needs an admin login on the HSM, which the audit does not use"));
}
