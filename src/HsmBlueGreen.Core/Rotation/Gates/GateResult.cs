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

/// <summary>One check of the target slot during and after a weight step's bake; listed in <see cref="GateCatalogue"/>.</summary>
internal interface IGate
{
    string Name { get; }

    /// <summary>The gate's limits when the command line sets none.</summary>
    GateSpec Default { get; }

    Task<GateResult> JudgeAsync(RotationRun run, StackObservation observed, GateSpec spec, DateTimeOffset windowStart);

    /// <summary>The spec's threshold as people read it ("1%", "800 ms"), or null for a gate with none.</summary>
    string? Threshold(GateSpec spec);

    /// <summary>What the gate accepts under <paramref name="spec"/>, as `plan` prints it beside the gate's name.</summary>
    string Rule(GateSpec spec, RotationPlan plan);

    /// <summary>The gate's name and what it reads to judge, with the calls behind it, as `plan` prints it.</summary>
    string Describe(RotationPlan plan);
}
