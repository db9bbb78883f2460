using System.Text.Json;
using HsmBlueGreen.Core.Rotation;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Strategies;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Rotation;

/// <summary>`plan --json`: the plan as one document, the same steps and estimate the text plan shows.</summary>
internal static class PlanJsonWriter
{
    public static string Render(RotationPlan plan)
    {
        var steps = plan.Steps.Select((step, i) =>
        {
            var text = StepText.For(step, plan);
            return new PlanStepJson(i + 1, step.Name, step.Phase.ToString(), text.Title, text.Reads, text.Changes, text.Operator, (int)StepEstimates.Of(step, plan).TotalSeconds);
        }).ToList();
        var commands = plan.MinimumShiftTime + RotationPlan.SecretCommandsTime;
        var document = new PlanJson(
            "plan",
            plan.Settings.Stack,
            plan.Strategy.Key,
            plan.Source.Key(),
            plan.Target.Key(),
            steps,
            (int)(commands + RotationPlan.TypicalInstanceTime).TotalSeconds,
            (int)(commands + (2 * plan.Options.HealthTimeout)).TotalSeconds);
        return JsonSerializer.Serialize(document, ReportJson.Default.PlanJson) + Environment.NewLine;
    }
}
