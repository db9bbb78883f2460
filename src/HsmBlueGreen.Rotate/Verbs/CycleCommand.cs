using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Cycle;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>`cycle`: prepare, run, drain, retire; each stage reads AWS first, so running it again continues where it stopped.</summary>
internal sealed class CycleCommand(RotationPortsFactory ports) : RotationCommand(ports)
{
    public override string Name => "cycle";

    public override string Summary => "the whole rotation, resumable: prepare the idle slot, run, wait for the drain time, retire the old slot";

    public static readonly string[] Goals = ["prepared", "rotated", "retired"];

    protected override IReadOnlyCollection<string> ValueOptions => ["stack", "until", "backup-id", "drain", .. RotationArguments.ValueOptions];

    protected override IReadOnlyCollection<string> Switches => ["json", "verbose", "yes", .. RotationArguments.Switches];

    /// <summary>Every stage reads AWS and the stack config first, so after any stop the cycle itself is what continues.</summary>
    public override string? AfterStop(CommandLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var stack = line.Value("stack");
        return stack is null ? null : $"AWS and the stack config hold the state: check with 'hsm-rotate status --stack {stack}', then run 'hsm-rotate cycle --stack {stack}' again once fixed; it continues where it stopped.";
    }

    protected override void Validate(CommandLine line)
    {
        if (line.Has("json") && !line.Has("yes"))
        {
            throw new RotationInputException("--json needs --yes: with machine output nobody can answer the confirmations. Fix: add --yes.");
        }

        if (line.Value("until") is { } until && !Goals.Contains(until, StringComparer.Ordinal))
        {
            throw new RotationInputException($"--until {until} is not a stage; use one of {string.Join(", ", Goals)} (default retired).");
        }
    }

    protected override async Task<int> ExecuteAsync(RotationSession session)
    {
        var (context, line) = (session.Context, session.Line);
        var goal = line.Value("until") switch { "prepared" => CycleGoal.Prepared, "rotated" => CycleGoal.Rotated, _ => CycleGoal.Retired };
        var request = new CycleRequest(
            goal,
            () => StackLoader.Load(context, session.Settings.Stack).Settings,
            (plan, runId) => session.NewRun(plan, runId),
            (_, saved) => RotationArguments.Parse(line, saved),
            PrepareRequest.Unattended(line.Value("backup-id")) with { Confirm = PrepareCommand.Confirm(session) },
            line.Value("drain") is { } drain ? Durations.Parse("drain", drain) : null,
            RunCommand.Confirm(session));
        return await session.FinishAsync(await CycleOperation.RunAsync(session.Ports, request, context.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);
    }
}
