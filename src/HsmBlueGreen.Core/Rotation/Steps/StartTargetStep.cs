using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>The target's application group at the source's count, every target healthy, before any traffic moves.</summary>
internal sealed class StartTargetStep(int clientCount) : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run)
    {
        var group = await run.Ports.AppGroups.DescribeAsync(run.TargetOutputs.AppGroupName, run.CancellationToken).ConfigureAwait(false);
        return group.Desired == clientCount && await HealthyAsync(run).ConfigureAwait(false);
    }

    public async Task<StepResult> ApplyAsync(RotationRun run)
    {
        var name = run.TargetOutputs.AppGroupName;
        await AppGroupConfig.SetClientCountAsync(run, clientCount).ConfigureAwait(false);
        var group = await run.Ports.AppGroups.DescribeAsync(name, run.CancellationToken).ConfigureAwait(false);
        if (group.MaxSize < clientCount)
        {
            return StepResult.NeedsOperator($"{name} has max size {group.MaxSize}, below the {clientCount} instances {run.Target.Key()} needs to take all traffic. Run 'pulumi up --stack {run.Stack}' (slots.{run.Target.Key()}.clientCount is now {clientCount}), then 'hsm-rotate resume --stack {run.Stack}'.");
        }

        if (group.Desired != clientCount)
        {
            var value = clientCount.ToString(CultureInfo.InvariantCulture);
            run.Call("autoscaling:SetDesiredCapacity", $"{name}: desired {group.Desired} -> {value}", new Dictionary<string, string> { ["group"] = name, ["desired"] = value });
            await run.Ports.AppGroups.SetDesiredCapacityAsync(name, clientCount, run.CancellationToken).ConfigureAwait(false);
        }

        await ListenerWeights.ListTargetAsync(run).ConfigureAwait(false);
        var healthy = await Polling.UntilAsync(run, run.Plan.Options.HealthTimeout, run.Plan.Options.PollInterval, () => HealthyAsync(run, report: true)).ConfigureAwait(false);
        return healthy
            ? StepResult.Continue
            : StepResult.NeedsOperator($"{run.Target.Key()}'s targets are not all healthy after {Durations.Format(run.Plan.Options.HealthTimeout)} (all traffic is still on {run.Source.Key()}). Check 'hsm-rotate status --stack {run.Stack}' and the instances' application logs, then 'hsm-rotate resume' or 'hsm-rotate abort'.");
    }

    private async Task<bool> HealthyAsync(RotationRun run, bool report = false)
    {
        var targets = await run.Ports.LoadBalancer.GetTargetHealthAsync(run.TargetOutputs.TargetGroupArn, run.CancellationToken).ConfigureAwait(false);
        if (report)
        {
            var healthyCount = targets.Count(t => t.State == TargetHealthState.Healthy).ToString(CultureInfo.InvariantCulture);
            Waiting.Report(run, $"{run.Target.Key()}: {healthyCount} of {clientCount.ToString(CultureInfo.InvariantCulture)} targets healthy ({targets.Count.ToString(CultureInfo.InvariantCulture)} registered)", new Dictionary<string, string> { ["healthy"] = healthyCount, ["targets"] = targets.Count.ToString(CultureInfo.InvariantCulture), ["wanted"] = clientCount.ToString(CultureInfo.InvariantCulture) });
        }

        return targets.Count(t => t.State == TargetHealthState.Healthy) >= clientCount && targets.All(t => t.State == TargetHealthState.Healthy);
    }
}
