using HsmBlueGreen.Core.Audit.Checks;

namespace HsmBlueGreen.Core.Audit;

/// <summary>
/// Runs the checks in order. A check whose reads fail (access denied, a missing resource, an unreachable
/// host) is reported as cannot-tell with the reason, and the others still run.
/// </summary>
public static class AuditRunner
{
    public static IReadOnlyList<IAuditCheck> AllChecks { get; } =
    [
        new ClusterSecurityGroupCheck(),
        new HsmZonesCheck(),
        new PrivateSubnetsCheck(),
        new FlowLogsCheck(),
        new AlertRulesCheck(),
        new CloudTrailCheck(),
        new SecretRotationCheck(),
        new BackupsCheck(),
        new HsmUsersCheck(),
        new QuorumCheck(),
    ];

    public static async Task<IReadOnlyList<AuditFinding>> RunAsync(AuditSession session, IReadOnlyList<IAuditCheck> checks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var findings = new List<AuditFinding>();
        foreach (var check in checks)
        {
            findings.Add(await RunOneAsync(session, check, cancellationToken).ConfigureAwait(false));
        }

        return findings;
    }

    /// <summary>Adapters' exceptions carry one secret-free line (the ports' contract), so the message is the evidence.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031:Do not catch general exception types", Justification = "any failed read makes the check cannot-tell; the audit reports it and goes on")]
    private static async Task<AuditFinding> RunOneAsync(AuditSession session, IAuditCheck check, CancellationToken cancellationToken)
    {
        try
        {
            return await check.RunAsync(session, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new AuditFinding(check.Id, check.Title, AuditOutcome.CannotTell, "could not read: " + ex.Message, "grant the audit role the policy `hsm-rotate guardrails --stack <stack> --only audit` prints and check the resource exists, then run the audit again.");
        }
    }
}
