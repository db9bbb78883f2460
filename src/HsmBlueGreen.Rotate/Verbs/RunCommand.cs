using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>`run`: a whole rotation from the serving slot to the other.</summary>
internal sealed class RunCommand(RotationPortsFactory ports) : RotationCommand(ports)
{
    public override string Name => "run";

    public override string Summary => "rotate the crypto user's password: green from blue's backup, verify, shift traffic in gated steps";

    protected override bool ShowsLiveView => true;

    protected override IReadOnlyCollection<string> ValueOptions => ["stack", .. RotationArguments.ValueOptions];

    protected override IReadOnlyCollection<string> Switches => ["json", "verbose", "yes", "dry-run", .. RotationArguments.Switches];

    public override IReadOnlyList<string> Examples => ["hsm-rotate run --stack dev --dry-run", "hsm-rotate run --stack dev", "hsm-rotate run --stack dev --pause-at 50 --max-5xx-rate 2 --yes"];

    protected override void Validate(CommandLine line)
    {
        if (line.Has("json") && !line.Has("yes") && !line.Has("dry-run"))
        {
            throw new RotationInputException("--json needs --yes: with machine output nobody can answer the confirmation. Fix: add --yes (or --dry-run).");
        }
    }

    protected override async Task<int> ExecuteAsync(RotationSession session)
    {
        var plan = RotationPlan.For(session.Settings, RotationArguments.Parse(session.Line));
        WindowChecks.Refuse(plan, session.Context.Clock.GetUtcNow());
        var run = session.NewRun(plan);
        var result = await RotationRunner.RunAsync(run, new RunRequest(RunMode.Fresh, session.Line.Has("dry-run"), Confirm(session))).ConfigureAwait(false);
        return await session.FinishAsync(result).ConfigureAwait(false);
    }

    /// <summary>The question before traffic moves; null with --yes.</summary>
    internal static Func<RotationPlan, Task<bool>>? Confirm(RotationSession session) => session.Line.Has("yes")
        ? null
        : p => Confirmation.AskAsync(session.Context, $"Rotate {p.Settings.Stack}: set a new password on {p.Target.Key()} and shift traffic {string.Join(" -> ", p.Options.Steps.Percents)}% from {p.Source.Key()}?");
}
