using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;

namespace HsmBlueGreen.Core.Rotation.Gates;

/// <summary>
/// A gate's judgement. Failed rolls back; Inconclusive (missing data) pauses for a person; Error (could not
/// judge) is retried a bounded number of times (argo-rollouts' AnalysisPhase).
/// </summary>
public enum GateVerdict
{
    Successful,
    Failed,
    Inconclusive,
    Error,
}

/// <param name="LoginFailed">The HSM probe's login was refused: after the rollback the run stops for an operator.</param>
public sealed record GateResult(string Gate, GateVerdict Verdict, string Detail, bool LoginFailed = false);

/// <summary>One check of the target slot after a weight step's bake.</summary>
internal interface IGate
{
    string Name { get; }

    Task<GateResult> JudgeAsync(RotationRun run, DateTimeOffset windowStart);

    /// <summary>The gate's name and what it reads to judge, with the calls behind it, as `plan` prints it.</summary>
    string Describe(RotationPlan plan);
}
