using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// Holds the weight for the bake in ticks of at most a minute; after each tick but the last the gates judged on every
/// tick run, and the first failure rolls back at once. Nothing in AWS shows a bake ended, so only the run record does:
/// a crash mid-bake bakes the whole time again.
/// </summary>
internal sealed class BakeStep(RotationStep.Bake step) : IStepHandler
{
    private static readonly TimeSpan Tick = TimeSpan.FromMinutes(1);

    public Task<bool> IsDoneAsync(RotationRun run, Observation observed) => ShiftProgress.IsPastAsync(run, observed, step, step.Percent);

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        var windowStart = run.Clock.GetUtcNow();
        var end = windowStart + step.Duration;
        for (var left = step.Duration; left > TimeSpan.Zero; left = end - run.Clock.GetUtcNow())
        {
            ShiftProgress.RecordBake(run, step.Percent, $"baking at {step.Percent}%: {Durations.Format(left)} left", left);
            await run.WaitAsync(left < Tick ? left : Tick).ConfigureAwait(false);
            if (end > run.Clock.GetUtcNow() && await GateRunner.JudgeTickAsync(run, observed, windowStart).ConfigureAwait(false) is { } failed)
            {
                return await ShiftProgress.RollBackAsync(run, observed, $"gate {failed.Gate} failed during the bake at {step.Percent}%: {failed.Detail}").ConfigureAwait(false);
            }
        }

        return StepResult.Continue;
    }

    public StepText Describe(RotationPlan plan) =>
        new(
            $"Bake {Durations.Format(step.Duration)} at {plan.Target.Key()} {step.Percent}%",
            [$"gates every minute: {string.Join(", ", GateCatalogue.TickNames(plan.Options))}; the first failure rolls back at once", .. GateCatalogue.DescribeTicks(plan)],
            [ShiftProgress.RollbackChange(plan)]);
}
