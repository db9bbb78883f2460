namespace HsmBlueGreen.Core.Audit;

/// <summary>The shared shape of a check: its id, title and the fix printed when it does not pass.</summary>
public abstract class AuditCheck(string id, string title, string fix) : IAuditCheck
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    protected string Fix { get; } = fix;

    public abstract Task<AuditFinding> RunAsync(AuditSession session, CancellationToken cancellationToken);

    protected AuditFinding Pass(string evidence) => new(Id, Title, AuditOutcome.Pass, evidence, string.Empty);

    protected AuditFinding Fail(string evidence) => new(Id, Title, AuditOutcome.Fail, evidence, Fix);

    protected AuditFinding Unknown(string evidence) => new(Id, Title, AuditOutcome.CannotTell, evidence, Fix);

    /// <summary>Per-part results (e.g. one per slot) folded into one finding, evidence joined in order.</summary>
    protected AuditFinding Combine(IReadOnlyList<(AuditOutcome Outcome, string Evidence)> parts)
    {
        var outcome = AuditFinding.Worst(parts.Select(p => p.Outcome));
        return new(Id, Title, outcome, string.Join("; ", parts.Select(p => p.Evidence)), outcome == AuditOutcome.Pass ? string.Empty : Fix);
    }
}
