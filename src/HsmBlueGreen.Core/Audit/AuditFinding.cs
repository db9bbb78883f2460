namespace HsmBlueGreen.Core.Audit;

public enum AuditOutcome
{
    Pass,
    Fail,
    CannotTell,
}

/// <summary>One check's result: what was seen (<paramref name="Evidence"/>) and, unless it passed, how to fix it. Never holds a secret.</summary>
public sealed record AuditFinding(string Check, string Title, AuditOutcome Outcome, string Evidence, string Fix)
{
    /// <summary>The worst of several partial results: any failure fails, else any unknown stays unknown.</summary>
    public static AuditOutcome Worst(IEnumerable<AuditOutcome> outcomes)
    {
        var all = outcomes.ToList();
        return all.Contains(AuditOutcome.Fail) ? AuditOutcome.Fail
            : all.Contains(AuditOutcome.CannotTell) || all.Count == 0 ? AuditOutcome.CannotTell
            : AuditOutcome.Pass;
    }
}
