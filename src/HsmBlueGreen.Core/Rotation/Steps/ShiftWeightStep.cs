using System.Globalization;
using HsmBlueGreen.Core.Rotation.Gates;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// One weight step: set the split (unless the listener already has it), read it back, settle, record it in the
/// stack, bake while judging the fast gates every tick, judge every gate. A step below the listener's current weight
/// is done; the step at it is judged again.
/// </summary>
internal sealed class ShiftWeightStep(RotationStep.ShiftWeight step) : IStepHandler
{
    private const int ReadBackAttempts = 10;
    private static readonly TimeSpan ReadBackInterval = TimeSpan.FromSeconds(2);

    public async Task<bool> IsDoneAsync(RotationRun run, Observation observed)
    {
        var now = ListenerWeights.TargetPercent(observed, await ListenerWeights.ReadAsync(run, observed).ConfigureAwait(false));
        return now > step.Percent || (now == step.Percent && run.PromotedAt == step.Percent);
    }

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        var percent = step.Percent.ToString(CultureInfo.InvariantCulture);
        var state = await ListenerWeights.ReadAsync(run, observed).ConfigureAwait(false);
        if (ListenerWeights.TargetPercent(observed, state) != step.Percent)
        {
            var split = ListenerWeights.Split(run.Target, step.Percent);
            run.Call("elbv2:ModifyListener", $"weights {split}", new Dictionary<string, string> { ["listener"] = observed.ListenerArn, ["target"] = percent });
            await run.Ports.LoadBalancer.SetWeightsAsync(observed.ListenerArn, ListenerWeights.Request(observed, step.Percent), ListenerWeights.Stickiness(run), run.CancellationToken).ConfigureAwait(false);
            if (!await ReadBackAsync(run, observed).ConfigureAwait(false))
            {
                return await RollBackAsync(run, observed, $"the listener did not report {run.Target.Key()} at {percent}% after the update").ConfigureAwait(false);
            }

            run.Record(EventKinds.Weights, $"listener reads {split}; settling {Durations.Format(run.Plan.Options.Settle)}", ListenerWeights.EventData(run, step.Percent));
            await run.WaitAsync(run.Plan.Options.Settle).ConfigureAwait(false);
        }

        await WeightRecorder.RecordAsync(run, step.Percent).ConfigureAwait(false);
        var windowStart = run.Clock.GetUtcNow();
        if (await BakeAsync(run, observed, windowStart).ConfigureAwait(false) is { } failedDuringBake)
        {
            return await RollBackAsync(run, observed, $"gate {failedDuringBake.Gate} failed during the bake at {percent}%: {failedDuringBake.Detail}").ConfigureAwait(false);
        }

        await WaitForFirstPeriodAsync(run, windowStart).ConfigureAwait(false);
        var verdict = await GateRunner.JudgeAsync(run, observed, windowStart).ConfigureAwait(false);
        switch (verdict.Verdict)
        {
            case GateVerdict.Failed:
                var message = await RollBackAsync(run, observed, $"gate {verdict.Gate} failed at {percent}%: {verdict.Detail}").ConfigureAwait(false);
                return verdict.LoginFailed
                    ? StepResult.NeedsOperator($"{message.Message} A login with {run.Target.Key()}'s new password was refused; it is not retried. Check crypto user {run.Plan.TargetSlot.CryptoUser} on cluster {observed.Target.ClusterId} with an admin before any resume.")
                    : message;
            case GateVerdict.Inconclusive:
                return await PauseAsync(run, observed, $"gate {verdict.Gate} inconclusive at {percent}%: {verdict.Detail}");
            default:
                return step.PauseAfter ? await PauseAsync(run, observed, $"paused at {percent}% as asked (--pause-at)") : StepResult.Continue;
        }
    }

    private async Task<StepResult> PauseAsync(RotationRun run, Observation observed, string why)
    {
        run.Record(EventKinds.Paused, why, new Dictionary<string, string> { ["target"] = step.Percent.ToString(CultureInfo.InvariantCulture) });
        // The pause is kept in the run record in AWS: `promote` from any machine finds it there.
        await RunRecordKeeper.UpdateAsync(run, observed, r => r with { Pause = new RunPause(why, run.Clock.GetUtcNow(), step.Percent) }).ConfigureAwait(false);
        return StepResult.NeedsOperator($"{why}. Traffic stays at {ListenerWeights.Split(run.Target, step.Percent)}. Continue with 'hsm-rotate promote --stack {run.Stack}', or put it back with 'hsm-rotate abort --stack {run.Stack}'.");
    }

    private static async Task<StepResult> RollBackAsync(RotationRun run, Observation observed, string reason) =>
        StepResult.RolledBack($"{await Rollback.ApplyAsync(run, observed, reason).ConfigureAwait(false)} {Rollback.AfterGateFailure(run)}");

    private async Task<bool> ReadBackAsync(RotationRun run, Observation observed)
    {
        for (var attempt = 0; attempt < ReadBackAttempts; attempt++)
        {
            if (ListenerWeights.TargetPercent(observed, await ListenerWeights.ReadAsync(run, observed).ConfigureAwait(false)) == step.Percent)
            {
                return true;
            }

            await run.WaitAsync(ReadBackInterval).ConfigureAwait(false);
        }

        return false;
    }

    /// <summary>Bakes in ticks of at most a minute; after each tick but the last the fast gates are judged, and the first failure ends the bake.</summary>
    private async Task<GateResult?> BakeAsync(RotationRun run, Observation observed, DateTimeOffset windowStart)
    {
        var end = windowStart + step.Bake;
        for (var left = step.Bake; left > TimeSpan.Zero; left = end - run.Clock.GetUtcNow())
        {
            RecordBake(run, $"baking at {step.Percent}%: {Durations.Format(left)} left", left);
            await run.WaitAsync(left < TimeSpan.FromMinutes(1) ? left : TimeSpan.FromMinutes(1)).ConfigureAwait(false);
            if (end > run.Clock.GetUtcNow() && await GateRunner.JudgeTickAsync(run, observed, windowStart).ConfigureAwait(false) is { } failed)
            {
                return failed;
            }
        }

        return null;
    }

    /// <summary>A bake shorter than a period plus CloudWatch's delay (e.g. --bake 0s) waits for one complete period rather than judging none.</summary>
    private async Task WaitForFirstPeriodAsync(RotationRun run, DateTimeOffset windowStart)
    {
        var wait = MetricsWindow.FirstJudgeableAt(windowStart) - run.Clock.GetUtcNow();
        if (wait > TimeSpan.Zero)
        {
            RecordBake(run, $"waiting {Durations.Format(wait)} at {step.Percent}% for the first complete 1-minute period to reach CloudWatch", wait);
            await run.WaitAsync(wait).ConfigureAwait(false);
        }
    }

    private void RecordBake(RotationRun run, string message, TimeSpan left) =>
        run.Record(EventKinds.Bake, message, new Dictionary<string, string> { ["target"] = step.Percent.ToString(CultureInfo.InvariantCulture), ["remainingSeconds"] = ((int)Math.Ceiling(left.TotalSeconds)).ToString(CultureInfo.InvariantCulture) });

    /// <summary>What this step reads and changes, with the AWS calls behind it, as `plan` prints it.</summary>
    public StepText Describe(RotationPlan plan)
    {
        var s = plan.Source.Key();
        var t = plan.Target.Key();
        return new StepText(
            $"Shift {s} {100 - step.Percent} / {t} {step.Percent}",
            ["elbv2:DescribeListeners (read back until the weights show)", $"gates on every bake tick: {string.Join(", ", GateCatalogue.TickNames(plan.Options))}; after the bake: {string.Join(", ", GateCatalogue.Names)}", .. GateCatalogue.Describe(plan)],
            ["elbv2:ModifyListener (both slots listed, a slot at 0 with weight 0 so its targets stay health-checked)", $"pulumi:config-set traffic.{s} = {100 - step.Percent}, traffic.{t} = {step.Percent}", "pulumi:up --target the listener"],
            step.PauseAfter ? "pauses here: continue with 'hsm-rotate promote'" : null);
    }
}
