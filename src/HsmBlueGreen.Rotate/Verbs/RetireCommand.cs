using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>`retire &lt;slot&gt;`: remove a drained slot from the stack and apply it.</summary>
internal sealed class RetireCommand(RotationPortsFactory ports) : RotationCommand(ports)
{
    public override string Name => "retire";

    public override string Summary => "remove a slot that has had weight 0 for its drain time (the other healthy at 100)";

    protected override IReadOnlyCollection<string> ValueOptions => ["stack", "drain"];

    protected override IReadOnlyCollection<string> Switches => ["json", "verbose", "yes", "assume-drained"];

    protected override void Validate(CommandLine line)
    {
        if (line.Positionals.Count != 1)
        {
            throw new UsageException("name the one slot to retire, e.g. 'hsm-rotate retire blue --stack dev'.");
        }

        if (line.Has("json") && !line.Has("yes"))
        {
            throw new RotationInputException("--json needs --yes: with machine output nobody can answer the confirmation.");
        }
    }

    protected override async Task<int> ExecuteAsync(RotationSession session)
    {
        var slot = SlotArgument.Parse(session.Line.Positionals[0], session.Settings);
        if (session.Settings.SlotsShareCluster)
        {
            throw new RotationInputException($"both slots use one cluster (dual-user): each rotation changes the idle slot's user, so {slot.Key()} stays for the next one. Fix: nothing to retire; to leave dual-user, change slots.{slot.Key()} in Pulumi.{session.Settings.Stack}.yaml and run 'pulumi up'.");
        }

        var drain = session.Line.Value("drain") is { } text ? Durations.Parse("drain", text) : RetireOperation.DefaultDrain(session.Settings);
        var run = session.NewRun(RotationPlan.For(session.Settings, RotationOptions.Default, slot));
        Func<Task<bool>>? confirm = session.Line.Has("yes")
            ? null
            : () => Confirmation.AskAsync(session.Context, $"Retire {slot.Key()} from {session.Settings.Stack}: remove slots.{slot.Key()} from the stack config and apply the whole stack?");
        return await session.FinishAsync(await RetireOperation.RunAsync(run, drain, session.Line.Has("assume-drained"), confirm).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
