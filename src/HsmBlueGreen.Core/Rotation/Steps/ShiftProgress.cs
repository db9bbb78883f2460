using System.Globalization;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// What the weight steps (set-weight, bake, judge, pause) share: whether one is done, and how they end a shift.
/// A bake or a judgement leaves nothing in AWS to read back, so "done" is the listener's weight plus the run record's
/// step index, which the runner moves past a step only once it completed (and a promote moves past the pause).
/// </summary>
internal static class ShiftProgress
{
    /// <summary>
    /// Done when the listener has moved beyond the step's weight, or holds it and the run record shows the run got past
    /// the step. A set-weight that has to act moves the record back to itself, so nothing after it counts as done.
    /// </summary>
    public static async Task<bool> IsPastAsync(RotationRun run, StackObservation observed, RotationStep step, int percent)
    {
        var now = ListenerWeights.TargetPercent(observed, await ListenerWeights.ReadAsync(run, observed).ConfigureAwait(false));
        return now > percent || (now == percent && run.SavedRecord is { } record && record.CurrentStepIndex > run.Plan.IndexOf(step));
    }

    public static async Task<StepResult> RollBackAsync(RotationRun run, StackObservation observed, string reason) =>
        StepResult.RolledBack($"{await Rollback.ApplyAsync(run, observed, reason).ConfigureAwait(false)} {Rollback.AfterGateFailure(run)}");

    /// <summary>What a bake or a judgement changes, as `plan` prints it: nothing, unless a gate fails.</summary>
    public static string RollbackChange(RotationPlan plan) =>
        $"elbv2:ModifyListener {plan.Source.Key()} 100 / {plan.Target.Key()} 0 only when a gate fails (the rollback), then stop with exit 1";

    /// <summary>A bake event: the live view counts down from its remaining seconds.</summary>
    public static void RecordBake(RotationRun run, int percent, string message, TimeSpan left) =>
        run.Record(EventKinds.Bake, message, new Dictionary<string, string> { ["target"] = percent.ToString(CultureInfo.InvariantCulture), ["remainingSeconds"] = ((int)Math.Ceiling(left.TotalSeconds)).ToString(CultureInfo.InvariantCulture) });
}
