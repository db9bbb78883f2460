namespace HsmBlueGreen.Core.Audit;

/// <summary>One comparison of the live account with the security card. Reads only.</summary>
public interface IAuditCheck
{
    /// <summary>A stable kebab-case id, for CI and --json.</summary>
    string Id { get; }

    string Title { get; }

    Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken);
}
