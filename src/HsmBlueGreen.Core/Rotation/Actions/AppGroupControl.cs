using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Steps;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Actions;

/// <summary>
/// The target's application group: started at a count with every target healthy, its count kept in the stack config
/// (slots.&lt;color&gt;.clientCount) so a `pulumi up` meanwhile does not undo it. The start step, the service
/// restore after a failed maintenance window and abort all start clients this way.
/// </summary>
internal static class AppGroupControl
{
    public static async Task<bool> IsStartedAsync(RotationRun run, StackObservation observed, int clientCount)
    {
        var group = await run.Ports.AppGroups.DescribeAsync(observed.Target.AppGroupName, run.CancellationToken).ConfigureAwait(false);
        return group.Desired == clientCount && await HealthyAsync(run, observed, clientCount, waiting: null).ConfigureAwait(false);
    }

    public static async Task<StepResult> StartAsync(RotationRun run, StackObservation observed, int clientCount)
    {
        var name = observed.Target.AppGroupName;
        await SetClientCountAsync(run, clientCount).ConfigureAwait(false);
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

        await ListenerWeights.ListTargetAsync(run, observed).ConfigureAwait(false);
        var waiting = new Waiting(run);
        var healthy = await Polling.UntilAsync(run, run.Plan.Options.HealthTimeout, run.Plan.Options.PollInterval, () => HealthyAsync(run, observed, clientCount, waiting)).ConfigureAwait(false);
        return healthy
            ? StepResult.Continue
            : StepResult.NeedsOperator($"{run.Target.Key()}'s targets are not all healthy after {Durations.Format(run.Plan.Options.HealthTimeout)} (all traffic is still on {run.Source.Key()}). Check 'hsm-rotate status --stack {run.Stack}' and the instances' application logs, then 'hsm-rotate resume' or 'hsm-rotate abort'.");
    }

    /// <summary>Recorded before the group is scaled, so a `pulumi up` meanwhile does not scale it back.</summary>
    public static async Task SetClientCountAsync(RotationRun run, int count)
    {
        var path = $"slots.{run.Target.Key()}.clientCount";
        var value = count.ToString(CultureInfo.InvariantCulture);
        run.Call("pulumi:config-set", $"{path} = {value}", new Dictionary<string, string> { ["path"] = path, ["value"] = value });
        await run.Ports.Stack.SetConfigAsync(run.Stack, path, value, run.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Whether the target's targets are all healthy, at least <paramref name="clientCount"/> of them; reported to <paramref name="waiting"/> when one is given.</summary>
    private static async Task<bool> HealthyAsync(RotationRun run, StackObservation observed, int clientCount, Waiting? waiting)
    {
        var targets = await run.Ports.LoadBalancer.GetTargetHealthAsync(observed.Target.TargetGroupArn, run.CancellationToken).ConfigureAwait(false);
        if (waiting is not null)
        {
            var healthyCount = targets.Count(t => t.State == TargetHealthState.Healthy).ToString(CultureInfo.InvariantCulture);
            waiting.Report($"{run.Target.Key()}: {healthyCount} of {clientCount.ToString(CultureInfo.InvariantCulture)} targets healthy ({targets.Count.ToString(CultureInfo.InvariantCulture)} registered)", new Dictionary<string, string> { ["healthy"] = healthyCount, ["targets"] = targets.Count.ToString(CultureInfo.InvariantCulture), ["wanted"] = clientCount.ToString(CultureInfo.InvariantCulture) });
        }

        return targets.Count(t => t.State == TargetHealthState.Healthy) >= clientCount && targets.All(t => t.State == TargetHealthState.Healthy);
    }
}
