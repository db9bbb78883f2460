using System.Globalization;
using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Steps;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Run;

public enum RunMode
{
    /// <summary>`run`: needs 100/0 and no rotation in progress.</summary>
    Fresh,

    /// <summary>`resume` and `promote`: carry on from whatever state AWS shows.</summary>
    Resume,
}

/// <param name="Confirm">Asked once, after preflight and before the first change; null means --yes.</param>
public sealed record RunRequest(RunMode Mode, bool DryRun, Func<RotationPlan, Task<bool>>? Confirm = null);

/// <summary>
/// Runs the plan's steps in order. Each step is skipped when AWS shows it done, so `run`, `resume` and `promote`
/// are the same loop; a crash anywhere leaves a state the next resume recognises.
/// </summary>
public static class RotationRunner
{
    public static async Task<RunResult> RunAsync(RotationRun run, RunRequest request)
    {
        var options = run.Plan.Options;
        run.CurrentStep = "preflight";
        run.Record(EventKinds.RunStarted, $"{request.Mode.ToString().ToLowerInvariant()}{(request.DryRun ? " (dry run)" : string.Empty)}: {run.Stack} from {run.Source.Key()} to {run.Target.Key()}", new Dictionary<string, string>
        {
            ["mode"] = request.Mode.ToString(),
            ["strategy"] = run.Plan.Strategy.Key,
            ["windowStart"] = options.Window?.StartText ?? string.Empty,
            ["windowDuration"] = options.Window is { } window ? Durations.Format(window.MaxDuration) : string.Empty,
            ["source"] = run.Source.Key(),
            ["target"] = run.Target.Key(),
            ["steps"] = options.Steps.ToString(),
            ["bake"] = Durations.Format(options.Bake),
            ["settle"] = Durations.Format(options.Settle),
            ["pauseAt"] = options.PauseAt?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            ["smokePath"] = options.SmokePath ?? string.Empty,
            ["clientCount"] = run.Plan.TargetClientCount.ToString(CultureInfo.InvariantCulture),
            ["dryRun"] = request.DryRun ? "true" : "false",
        });

        var (preflight, found) = await PreflightStep.RunAsync(run, request.Mode == RunMode.Resume).ConfigureAwait(false);
        if (found is null)
        {
            return Stop(run, preflight);
        }

        // What preflight read is fixed from here on: every step is handed the same observation.
        var observed = found.Observed;
        if (request.DryRun)
        {
            return await DryRunAsync(run, observed).ConfigureAwait(false);
        }

        if (request.Confirm is not null && !await request.Confirm(run.Plan).ConfigureAwait(false))
        {
            return Stop(run, StepResult.NeedsOperator("not confirmed: nothing was changed. Pass --yes to skip the question."));
        }

        var lease = new LeaseKeeper(run, observed, found.Owner);
        if (await lease.AcquireAsync().ConfigureAwait(false) is { } refused)
        {
            return Stop(run, StepResult.NeedsOperator(refused));
        }

        await RunRecordKeeper.BeginAsync(run, observed, request.Mode).ConfigureAwait(false);

        if (found.ClearLoginFailure)
        {
            // The operator has checked the user: the next attempt starts from what they found, not from our marks.
            var view = await SecretView.ReadAsync(run, observed).ConfigureAwait(false);
            foreach (var stage in new[] { RotationTokens.LoginFailedStage, RotationTokens.PasswordChangingStage }.Where(s => view.HasStage(observed.Tokens.Pending, s)))
            {
                await SecretLabels.MoveAsync(run, observed.Target.SecretArn, stage, null, observed.Tokens.Pending).ConfigureAwait(false);
            }
        }

        foreach (var step in run.Plan.Steps.Skip(1).Where(s => s is not RotationStep.Finish))
        {
            run.CurrentStep = step.Name;
            var handler = StepHandlers.For(step);
            if (await handler.IsDoneAsync(run, observed).ConfigureAwait(false))
            {
                run.Record(EventKinds.StepSkipped, "already done", Position(run.Plan, step));
                continue;
            }

            await RunRecordKeeper.StartingAsync(run, observed, step).ConfigureAwait(false);
            run.Record(EventKinds.StepStarted, StepText.TitleOf(step, run.Plan), Position(run.Plan, step));
            var result = await handler.ApplyAsync(run, observed).ConfigureAwait(false);
            if (!result.Continues)
            {
                result = await run.Plan.Strategy.RestoreAfterFailureAsync(run, observed, result).ConfigureAwait(false);
                await lease.ReleaseAsync().ConfigureAwait(false);
                return Stop(run, result);
            }

            await RunRecordKeeper.CompletedAsync(run, observed, step).ConfigureAwait(false);
            run.Record(EventKinds.StepDone, "done");
            if (await lease.AcquireAsync().ConfigureAwait(false) is { } lost)
            {
                return Stop(run, StepResult.NeedsOperator($"lost the lock between steps: {lost}"));
            }
        }

        run.CurrentStep = "done";
        await RunRecordKeeper.StartingAsync(run, observed, run.Plan.Steps[^1]).ConfigureAwait(false);
        await lease.ReleaseAsync().ConfigureAwait(false);
        var done = run.Plan.Strategy.FinishMessage(run);
        run.Record(EventKinds.Finished, done);
        return new RunResult(RotationOutcome.Done, done);
    }

    private static async Task<RunResult> DryRunAsync(RotationRun run, Observation observed)
    {
        foreach (var step in run.Plan.Steps.Skip(1).Where(s => s is not RotationStep.Finish))
        {
            run.CurrentStep = step.Name;
            var done = await StepHandlers.For(step).IsDoneAsync(run, observed).ConfigureAwait(false);
            run.Record(EventKinds.Check, done ? "already done" : $"would run: {StepText.TitleOf(step, run.Plan)}");
        }

        run.CurrentStep = "done";
        const string message = "dry run: nothing was changed.";
        run.Record(EventKinds.Finished, message);
        return new RunResult(RotationOutcome.Done, message);
    }

    /// <summary>Where a step stands in the plan (1-based, of the steps before Finish) and the typical time from it to the end, for the live view.</summary>
    private static Dictionary<string, string> Position(RotationPlan plan, RotationStep step)
    {
        var index = plan.IndexOf(step);
        return new Dictionary<string, string>
        {
            ["index"] = (index + 1).ToString(CultureInfo.InvariantCulture),
            ["of"] = (plan.Steps.Count - 1).ToString(CultureInfo.InvariantCulture),
            ["restSeconds"] = ((int)StepEstimates.From(index, plan).TotalSeconds).ToString(CultureInfo.InvariantCulture),
        };
    }

    private static RunResult Stop(RotationRun run, StepResult result)
    {
        var outcome = result.Stop ?? RotationOutcome.NeedsOperator;
        run.Record(EventKinds.Stopped, result.Message, new Dictionary<string, string> { ["outcome"] = outcome.ToString() });
        return new RunResult(outcome, result.Message);
    }
}
