using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Rotation;

namespace HsmBlueGreen.Rotate.Verbs;

/// <summary>`plan`: offline, no credentials; what a run would do, from the stack file alone.</summary>
internal sealed class PlanCommand() : RotationCommand((_, _) => throw new InvalidOperationException("plan never builds ports"))
{
    public override string Name => "plan";

    public override string Summary => "show (offline) the environment, phases, API calls, weight schedule, gates and time a run would take; --compare: every strategy side by side";

    protected override IReadOnlyCollection<string> ValueOptions => ["stack", .. RotationArguments.ValueOptions];

    protected override IReadOnlyCollection<string> Switches => ["compare", "json", .. RotationArguments.Switches];

    public override IReadOnlyList<string> Examples => ["hsm-rotate plan --stack dev", "hsm-rotate plan --stack dev --steps 10,50,100 --bake 10m", "hsm-rotate plan --stack dev --compare", "hsm-rotate plan --stack dev --json"];

    protected override void Validate(CommandLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        if (line.Has("compare") && line.Has("json"))
        {
            throw new UsageException("--compare is a table for people; --json prints one plan. Give one of them.");
        }
    }

    protected override bool NeedsPorts => false;

    protected override async Task<int> ExecuteOfflineAsync(CommandLine line, CliContext context, StackSettings settings)
    {
        var options = RotationArguments.Parse(line);
        string text;
        if (line.Has("compare"))
        {
            text = CompareRenderer.Render(settings, options);
        }
        else
        {
            var plan = RotationPlan.For(settings, options);
            WindowChecks.Refuse(plan, context.Clock.GetUtcNow());
            text = line.Has("json") ? PlanJsonWriter.Render(plan) : PlanRenderer.Render(plan);
        }

        await context.Out.WriteAsync(text).ConfigureAwait(false);
        return ExitCodes.Done;
    }

    protected override Task<int> ExecuteAsync(RotationSession session) => throw new NotSupportedException("plan is offline");
}
