using System.Globalization;
using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>The target's application group at the source's count, every target healthy, before any traffic moves.</summary>
internal sealed class StartTargetStep(int clientCount) : IStepHandler
{
    public Task<bool> IsDoneAsync(RotationRun run, Observation observed) => AppGroupControl.IsStartedAsync(run, observed, clientCount);

    public Task<StepResult> ApplyAsync(RotationRun run, Observation observed) => AppGroupControl.StartAsync(run, observed, clientCount);

    /// <summary>What this step reads and changes, with the AWS calls behind it, as `plan` prints it.</summary>
    public StepText Describe(RotationPlan plan)
    {
        var s = plan.Source.Key();
        var t = plan.Target.Key();
        return new StepText(
            $"Start {t}: application group at {clientCount.ToString(CultureInfo.InvariantCulture)}, wait for healthy targets (up to {Durations.Format(plan.Options.HealthTimeout)})",
            ["autoscaling:DescribeAutoScalingGroups", $"elbv2:DescribeTargetHealth on {t} every {Durations.Format(plan.Options.PollInterval)}"],
            [$"pulumi:config-set slots.{t}.clientCount = {clientCount.ToString(CultureInfo.InvariantCulture)}", $"autoscaling:SetDesiredCapacity {clientCount.ToString(CultureInfo.InvariantCulture)}", .. !plan.Strategy.ShiftsTraffic ? Array.Empty<string>() : [$"elbv2:ModifyListener {s} 100 / {t} 0, only if the forward action leaves {t} out (ELB health-checks only groups a listener or rule forwards to)"]]);
    }
}
