using System.Globalization;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>
/// `resume`: continue an interrupted run from the state AWS shows and the run record kept there (options, every gate
/// limit, steps); `promote` is the same past a pause. Neither reads the local journal, so any machine can do it.
/// </summary>
internal sealed class ResumeCommand(RotationPortsFactory ports, bool promote = false) : RotationCommand(ports)
{
    public override string Name => promote ? "promote" : "resume";

    public override string Summary => promote
        ? "approve a paused run (--pause-at or an inconclusive gate) and continue it"
        : "continue an interrupted rotation from the state found in AWS";

    protected override bool ShowsLiveView => true;

    protected override IReadOnlyCollection<string> ValueOptions => ["stack", .. RotationArguments.ValueOptions];

    protected override IReadOnlyCollection<string> Switches => ["json", "verbose", "acknowledge-login-failure", "reschedule", .. RotationArguments.Switches];

    protected override async Task<int> ExecuteAsync(RotationSession session)
    {
        var stack = session.Settings.Stack;
        var saved = await session.RecordAsync().ConfigureAwait(false);
        var options = RotationArguments.Parse(session.Line, saved?.Options);
        var plan = RotationPlan.For(session.Settings, options, await session.SourceAsync().ConfigureAwait(false));
        if (saved?.ResumeRefusal(plan, stack, session.Line.Has("reschedule")) is { } refusal)
        {
            throw new RotationInputException(refusal);
        }

        int? promotedAt = null;
        if (promote)
        {
            if (saved?.Pause is not { } pause || saved.Finished)
            {
                throw new RotationInputException($"nothing to promote: {(saved is null ? "no run record in AWS" : $"run {saved.RunId} is not paused")}. See 'hsm-rotate status --stack {stack}'; use 'resume' to continue an interrupted run.");
            }

            promotedAt = pause.Percent;
        }

        var run = session.NewRun(plan, saved, session.Line.Has("acknowledge-login-failure"), promotedAt);
        if (promotedAt is { } approved)
        {
            run.Record(EventKinds.Promoted, $"operator approved {plan.Target.Key()} at {approved}%", new Dictionary<string, string> { ["target"] = approved.ToString(CultureInfo.InvariantCulture) });
        }

        var result = await RotationRunner.RunAsync(run, new RunRequest(RunMode.Resume, DryRun: false)).ConfigureAwait(false);
        return await session.FinishAsync(result).ConfigureAwait(false);
    }
}
