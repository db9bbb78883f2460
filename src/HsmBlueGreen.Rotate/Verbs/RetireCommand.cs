using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Operations;
using HsmBlueGreen.Core.Rotation.Plan;
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

    protected override IReadOnlyList<string> BareArguments => ["slot"];

    public override IReadOnlyList<string> Examples => ["hsm-rotate retire blue --stack dev", "hsm-rotate retire blue --stack dev --drain 10m --yes"];

    /// <summary>A failed retire has no run to resume or abort: it is re-run as it was, once the cause is fixed.</summary>
    public override string? AfterStop(CommandLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var stack = line.Value("stack");
        var slot = line.Positionals.FirstOrDefault() ?? "<slot>";
        return stack is null ? null : $"Nothing to resume or abort: check with 'hsm-rotate status --stack {stack}', then run 'hsm-rotate retire {slot} --stack {stack}' again once fixed.";
    }

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
