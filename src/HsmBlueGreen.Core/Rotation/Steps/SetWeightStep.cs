using System.Globalization;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// Sets the target's weight (unless the listener already has it), reads it back until it shows, settles, and records
/// it in the stack. Done once the listener is beyond it, or at it with the run past this step.
/// </summary>
internal sealed class SetWeightStep(RotationStep.SetWeight step) : IStepHandler
{
    private const int ReadBackAttempts = 10;
    private static readonly TimeSpan ReadBackInterval = TimeSpan.FromSeconds(2);

    public Task<bool> IsDoneAsync(RotationRun run, Observation observed) => ShiftProgress.IsPastAsync(run, observed, step, step.Percent);

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        var percent = step.Percent.ToString(CultureInfo.InvariantCulture);
        var state = await ListenerWeights.ReadAsync(run, observed).ConfigureAwait(false);
        var readAt = run.Clock.GetUtcNow();
        if (ListenerWeights.TargetPercent(observed, state) != step.Percent)
        {
            var split = ListenerWeights.Split(run.Target, step.Percent);
            run.Call("elbv2:ModifyListener", $"weights {split}", new Dictionary<string, string> { ["listener"] = observed.ListenerArn, ["target"] = percent });
            await run.Ports.LoadBalancer.SetWeightsAsync(observed.ListenerArn, ListenerWeights.Request(observed, step.Percent), ListenerWeights.Stickiness(run), run.CancellationToken).ConfigureAwait(false);
            if (!await ReadBackAsync(run, observed).ConfigureAwait(false))
            {
                return await ShiftProgress.RollBackAsync(run, observed, $"the listener did not report {run.Target.Key()} at {percent}% after the update").ConfigureAwait(false);
            }

            readAt = run.Clock.GetUtcNow();
            run.Record(EventKinds.Weights, $"listener reads {split}; settling {Durations.Format(run.Plan.Options.Settle)}", ListenerWeights.EventData(run, step.Percent));
            await run.WaitAsync(run.Plan.Options.Settle).ConfigureAwait(false);
        }

        if (step.Percent == 100)
        {
            // After a crash the listener may have read 100% earlier than this; a later time only makes the drain longer.
            await RunRecordKeeper.UpdateAsync(run, observed, r => r.SourceDrainingSince is null ? r with { SourceDrainingSince = readAt } : r).ConfigureAwait(false);
        }

        await WeightRecorder.RecordAsync(run, step.Percent).ConfigureAwait(false);
        return StepResult.Continue;
    }

    private async Task<bool> ReadBackAsync(RotationRun run, StackObservation observed)
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

    public StepText Describe(RotationPlan plan)
    {
        var (s, t) = (plan.Source.Key(), plan.Target.Key());
        return new StepText(
            $"Set {s} {100 - step.Percent} / {t} {step.Percent}, settle {Durations.Format(plan.Options.Settle)}",
            ["elbv2:DescribeListeners (read back until the weights show)"],
            ["elbv2:ModifyListener (both slots listed, a slot at 0 with weight 0 so its targets stay health-checked)", $"pulumi:config-set traffic.{s} = {100 - step.Percent}, traffic.{t} = {step.Percent}", "pulumi:up --target the listener"]);
    }
}
