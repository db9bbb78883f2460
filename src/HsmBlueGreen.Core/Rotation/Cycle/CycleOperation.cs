using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Cycle;

/// <summary>
/// `cycle`: prepare, run, wait for the drain time, retire. Before each stage it reads from AWS which stage is next
/// (<see cref="CycleState"/>), so a cycle run again after any stop carries on where it stopped. One invocation ends
/// with one retire: it never starts the next rotation behind it. A stage that needs an operator stops the cycle with
/// its own message and the command that continues it.
/// </summary>
public static class CycleOperation
{
    public static async Task<RunResult> RunAsync(RotationPorts ports, CycleRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ports);
        ArgumentNullException.ThrowIfNull(request);

        // Each pass finishes one stage or stops; prepare, run (or resume) and retire are at most three.
        for (var pass = 0; pass < 4; pass++)
        {
            var settings = request.LoadSettings();
            if (settings.SlotsShareCluster)
            {
                return new RunResult(RotationOutcome.BadInput, $"both slots use one cluster (dual-user): cycle rotates by new clusters. Use 'hsm-rotate run --stack {settings.Stack} --strategy dual-user'.");
            }

            var next = await CycleState.ObserveAsync(settings, ports, cancellationToken).ConfigureAwait(false);
            var continueWith = $"then continue with 'hsm-rotate cycle --stack {settings.Stack}'";
            switch (next.Stage)
            {
                case NextStage.Prepare:
                {
                    var prepared = await PrepareOperation.RunAsync(request.NewRun(PrepareOperation.PlanFor(settings), null), request.Prepare).ConfigureAwait(false);
                    if (Stops(prepared, request.Until == CycleGoal.Prepared) is { } stop)
                    {
                        return Continue(stop, continueWith);
                    }

                    break;
                }

                case NextStage.Run or NextStage.Resume when request.Until == CycleGoal.Prepared:
                    return new RunResult(RotationOutcome.Done, $"{next.Idle.Key()} is prepared ({next.Why}).");

                case NextStage.Run or NextStage.Resume:
                {
                    var fresh = next.Stage == NextStage.Run;
                    // The run record in AWS names the stopped run, so any machine takes over its lease and its options.
                    var saved = await RunRecords.LatestAsync(settings, ports, cancellationToken).ConfigureAwait(false) is { Finished: false, Aborted: false } open ? open : null;
                    var plan = RotationPlan.For(settings, request.Options(settings, saved?.Options), next.Serving);
                    var run = request.NewRun(plan, saved);

                    var result = await RotationRunner.RunAsync(run, new RunRequest(fresh ? RunMode.Fresh : RunMode.Resume, DryRun: false, fresh ? request.ConfirmRun : null)).ConfigureAwait(false);
                    if (Stops(result, request.Until == CycleGoal.Rotated) is { } stop)
                    {
                        return Continue(stop, continueWith);
                    }

                    break;
                }

                case NextStage.Retire when request.Until != CycleGoal.Retired:
                    return new RunResult(RotationOutcome.Done, $"{next.Serving.Key()} serves 100%: rotated ({next.Why}).");

                case NextStage.Retire:
                    return Continue(await RetireAsync(request, settings, next).ConfigureAwait(false), continueWith);
            }
        }

        return new RunResult(RotationOutcome.NeedsOperator, "the cycle made no progress through its stages; see 'hsm-rotate status'.");
    }

    private static async Task<RunResult> RetireAsync(CycleRequest request, Settings.StackSettings settings, CycleObservation next)
    {
        var run = request.NewRun(RotationPlan.For(settings, RotationOptions.Default, next.Idle), null);
        var drain = request.Drain ?? RetireOperation.DefaultDrain(settings);
        if (await RetireOperation.DrainRemainingAsync(run, next.Idle, drain).ConfigureAwait(false) is { } left && left > TimeSpan.Zero)
        {
            run.Record(EventKinds.Check, $"draining {next.Idle.Key()}: {Durations.Format(left)} of its {Durations.Format(drain)} drain time left before it is retired", new Dictionary<string, string> { ["slot"] = next.Idle.Key() });
            await run.WaitAsync(left).ConfigureAwait(false);
        }

        return await RetireOperation.RunAsync(run, drain, assumeDrained: false).ConfigureAwait(false);
    }

    /// <summary>The stage's result when the cycle ends here: any stop, or a success at the goal; null to go on.</summary>
    private static RunResult? Stops(RunResult result, bool atGoal) => result.Outcome != RotationOutcome.Done || atGoal ? result : null;

    private static RunResult Continue(RunResult result, string continueWith) =>
        result.Outcome == RotationOutcome.NeedsOperator ? result with { Message = $"{result.Message} Once resolved, {continueWith}." } : result;
}
