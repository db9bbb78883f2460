using System.Globalization;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// --pause-at: waits at the weight for `promote`. The pause is kept in the run record in AWS, so `promote` from any
/// machine finds it; the promote moves the record past this step, which is then done (a promote at this weight for the judge's
/// inconclusive gate counts too). A resume without it pauses again.
/// </summary>
internal sealed class PauseStep(RotationStep.Pause step) : IStepHandler
{
    /// <summary>
    /// Done once promoted past; and a promote at this weight answers it even when it was given for the judge's
    /// inconclusive gate just before: the operator has looked at this weight once, which is what the pause asks for.
    /// </summary>
    public async Task<bool> IsDoneAsync(RotationRun run, Observation observed) =>
        run.PromotedAt == step.Percent || await ShiftProgress.IsPastAsync(run, observed, step, step.Percent).ConfigureAwait(false);

    public Task<StepResult> ApplyAsync(RotationRun run, Observation observed) =>
        HoldAsync(run, observed, step.Percent, $"paused at {step.Percent.ToString(CultureInfo.InvariantCulture)}% as asked (--pause-at)");

    /// <summary>Stops the run at the weight until an operator promotes or aborts it (this pause, or a judge's inconclusive gate).</summary>
    public static async Task<StepResult> HoldAsync(RotationRun run, StackObservation observed, int percent, string why)
    {
        run.Record(EventKinds.Paused, why, new Dictionary<string, string> { ["target"] = percent.ToString(CultureInfo.InvariantCulture) });
        await RunRecordKeeper.UpdateAsync(run, observed, r => r with { Pause = new RunPause(why, run.Clock.GetUtcNow(), percent) }).ConfigureAwait(false);
        return StepResult.NeedsOperator($"{why}. Traffic stays at {ListenerWeights.Split(run.Target, percent)}. Continue with 'hsm-rotate promote --stack {run.Stack}', or put it back with 'hsm-rotate abort --stack {run.Stack}'.");
    }

    public StepText Describe(RotationPlan plan) =>
        new(
            $"Pause at {plan.Target.Key()} {step.Percent}% until promoted",
            [],
            ["record:write the pause (reason, time, weight) in the run record"],
            "pauses here: continue with 'hsm-rotate promote'");
}
