using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// Judges every gate over the bake just held (the listener has been at the weight since; a judgement resumed after a
/// crash judges the same length of time before it). A failure rolls back; an inconclusive gate pauses for promote.
/// </summary>
internal sealed class JudgeStep(RotationStep.Judge step) : IStepHandler
{
    public Task<bool> IsDoneAsync(RotationRun run, Observation observed) => ShiftProgress.IsPastAsync(run, observed, step, step.Percent);

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        var windowStart = run.Clock.GetUtcNow() - step.Window;
        await WaitForFirstPeriodAsync(run, windowStart).ConfigureAwait(false);
        var verdict = await GateRunner.JudgeAsync(run, observed, windowStart).ConfigureAwait(false);
        switch (verdict.Verdict)
        {
            case GateVerdict.Failed:
                var message = await ShiftProgress.RollBackAsync(run, observed, $"gate {verdict.Gate} failed at {step.Percent}%: {verdict.Detail}").ConfigureAwait(false);
                return verdict.LoginFailed
                    ? StepResult.NeedsOperator($"{message.Message} A login with {run.Target.Key()}'s new password was refused; it is not retried. Check crypto user {run.Plan.TargetSlot.CryptoUser} on cluster {observed.Target.ClusterId} with an admin before any resume.")
                    : message;
            case GateVerdict.Inconclusive:
                return await PauseStep.HoldAsync(run, observed, step.Percent, $"gate {verdict.Gate} inconclusive at {step.Percent}%: {verdict.Detail}").ConfigureAwait(false);
            default:
                return StepResult.Continue;
        }
    }

    /// <summary>A bake shorter than a period plus CloudWatch's delay (e.g. --bake 0s) waits for one complete period rather than judging none.</summary>
    private async Task WaitForFirstPeriodAsync(RotationRun run, DateTimeOffset windowStart)
    {
        var wait = MetricsWindow.FirstJudgeableAt(windowStart) - run.Clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            ShiftProgress.RecordBake(run, step.Percent, $"waiting {Durations.Format(wait)} at {step.Percent}% for the first complete 1-minute period to reach CloudWatch", wait);
            await run.WaitAsync(wait).ConfigureAwait(false);
        }
    }

    public StepText Describe(RotationPlan plan)
    {
        var t = plan.Target.Key();
        return new StepText(
            $"Judge the gates at {t} {step.Percent}%",
            [$"over the bake, once a complete 1-minute period has reached CloudWatch, in order: {string.Join(", ", GateCatalogue.Names)}", .. GateCatalogue.Describe(plan)],
            [ShiftProgress.RollbackChange(plan)],
            "an inconclusive gate pauses here with traffic held: 'hsm-rotate promote' or 'hsm-rotate abort'");
    }
}
