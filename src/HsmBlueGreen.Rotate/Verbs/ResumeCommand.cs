using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>`resume`: continue an interrupted run from the state AWS shows; `promote` is the same past a pause.</summary>
internal sealed class ResumeCommand(RotationPortsFactory ports, bool promote = false) : RotationCommand(ports)
{
    public override string Name => promote ? "promote" : "resume";

    public override string Summary => promote
        ? "approve a paused run (--pause-at or an inconclusive gate) and continue it"
        : "continue an interrupted rotation from the state found in AWS";

    protected override bool ShowsLiveView => true;

    protected override IReadOnlyCollection<string> ValueOptions => ["stack", .. RotationArguments.ValueOptions];

    protected override IReadOnlyCollection<string> Switches => ["json", "verbose", "acknowledge-login-failure"];

    protected override async Task<int> ExecuteAsync(RotationSession session)
    {
        var options = RotationArguments.Parse(session.Line, JournalDefaults.From(session.Journal));
        var plan = RotationPlan.For(session.Settings, options, await session.SourceAsync().ConfigureAwait(false));
        var previous = SlotRoles.LastRunId(session.Journal);
        int? promotedAt = null;
        if (promote)
        {
            var paused = session.Journal.ReadAll().LastOrDefault(e => e.Kind is EventKinds.Paused or EventKinds.RunStarted);
            if (paused?.Kind != EventKinds.Paused || !int.TryParse(paused.Field("target"), out var percent))
            {
                throw new RotationInputException($"nothing to promote: the last run in .hsm-rotate/{session.Settings.Stack}.journal.jsonl is not paused. See 'hsm-rotate status --stack {session.Settings.Stack}'; use 'resume' to continue an interrupted run.");
            }

            promotedAt = percent;
        }

        var run = session.NewRun(plan, previous, session.Line.Has("acknowledge-login-failure"), promotedAt);
        if (promotedAt is { } approved)
        {
            run.Record(EventKinds.Promoted, $"operator approved {plan.Target.Key()} at {approved}%", new Dictionary<string, string> { ["target"] = approved.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        }

        var result = await RotationRunner.RunAsync(run, new RunRequest(RunMode.Resume, DryRun: false)).ConfigureAwait(false);
        return await session.FinishAsync(result).ConfigureAwait(false);
    }
}
