using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>`plan`: offline, no credentials; what a run would do, from the stack file alone.</summary>
internal sealed class PlanCommand() : RotationCommand((_, _) => throw new InvalidOperationException("plan never builds ports"))
{
    public override string Name => "plan";

    public override string Summary => "show (offline) the environment, phases, API calls, weight schedule, gates and time a run would take; --compare: the three strategies side by side";

    protected override IReadOnlyCollection<string> ValueOptions => ["stack", .. RotationArguments.ValueOptions];

    protected override IReadOnlyCollection<string> Switches => ["compare", "json"];

    protected override void Validate(CommandLine line)
    {
        if (line.Has("compare") && line.Has("json"))
        {
            throw new UsageException("--compare is a table for people; --json prints one plan. Give one of them.");
        }
    }

    protected override bool NeedsPorts => false;

    protected override async Task<int> ExecuteOfflineAsync(CommandLine line, CliContext context, StackSettings settings)
    {
        var options = RotationArguments.Parse(line);
        var text = line.Has("compare") ? CompareRenderer.Render(settings, options)
            : line.Has("json") ? PlanJsonWriter.Render(RotationPlan.For(settings, options))
            : PlanRenderer.Render(RotationPlan.For(settings, options));
        await context.Out.WriteAsync(text).ConfigureAwait(false);
        return ExitCodes.Done;
    }

    protected override Task<int> ExecuteAsync(RotationSession session) => throw new NotSupportedException("plan is offline");
}
