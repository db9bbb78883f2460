using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Actions;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// The target's application group at zero with no instance left: a CloudHSM user's password cannot change
/// while any session of that user is open. Quiet means desired 0, minimum 0 and no instance attached in any
/// lifecycle state: Auto Scaling refuses a desired capacity below the minimum, and a scale-in never terminates an
/// instance in Standby (which still runs and may hold sessions). Once the password is promoted this step no longer applies.
/// </summary>
internal sealed class QuiesceStep : IStepHandler
{
    public async Task<bool> IsDoneAsync(RotationRun run, Observation observed)
    {
        if ((await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).Promoted)
        {
            return true;
        }

        return IsQuiet(await DescribeAsync(run, observed).ConfigureAwait(false));
    }

    public async Task<StepResult> ApplyAsync(RotationRun run, Observation observed)
    {
        var name = observed.Target.AppGroupName;
        if (Blocker(run, await DescribeAsync(run, observed).ConfigureAwait(false)) is { } blocked)
        {
            return blocked;
        }

        if (run.Plan.TargetSlot.ClientCount != 0)
        {
            await AppGroupControl.SetClientCountAsync(run, 0).ConfigureAwait(false);
        }

        var group = await DescribeAsync(run, observed).ConfigureAwait(false);
        if (group.Desired != 0)
        {
            var data = new Dictionary<string, string> { ["group"] = name, ["desired"] = "0" };
            if (!run.Plan.Strategy.ShiftsTraffic)
            {
                // No other slot takes the traffic: downtime starts here, and the finish line reports it (from the run record, so a resume elsewhere does too).
                var down = run.Clock.GetUtcNow();
                data[Downtime.StartField] = WindowCheck.Stamp(down);
                await RunRecordKeeper.UpdateAsync(run, observed, r => r with { ClientsDownAt = down }).ConfigureAwait(false);
            }

            run.Call("autoscaling:SetDesiredCapacity", $"{name}: desired {group.Desired} -> 0", data);
            await run.Ports.AppGroups.SetDesiredCapacityAsync(name, 0, run.CancellationToken).ConfigureAwait(false);
        }

        var limit = run.Plan.Strategy.DrainLimit(run);
        var waiting = new Waiting(run);
        var last = group;
        var empty = await Polling.UntilAsync(run, limit, run.Plan.Options.PollInterval, async () =>
        {
            last = await DescribeAsync(run, observed).ConfigureAwait(false);
            waiting.Report($"{name}: {last.Instances.ToString(CultureInfo.InvariantCulture)} instance(s) left, desired {last.Desired.ToString(CultureInfo.InvariantCulture)}", new Dictionary<string, string> { ["instances"] = last.Instances.ToString(CultureInfo.InvariantCulture), ["desired"] = last.Desired.ToString(CultureInfo.InvariantCulture) });
            return last.Instances == 0;
        }).ConfigureAwait(false);
        return empty
            ? StepResult.Continue
            : Blocker(run, last) ?? StepResult.NeedsOperator($"{run.Target.Key()}'s application group {name} still has instances after {Durations.Format(limit)}{(run.Plan.Strategy.ShiftsTraffic ? string.Empty : " (the rest of the maintenance window)")}; its user's password cannot change while they may hold sessions. Check the group's scaling activities (lifecycle hooks, scale-in protection), then run 'hsm-rotate resume --stack {run.Stack}'.");
    }

    private static bool IsQuiet(AppGroupState group) => group.Desired == 0 && group.MinSize == 0 && group.Instances == 0 && group.Standby == 0;

    /// <summary>What no wait fixes: a minimum above 0 (SetDesiredCapacity 0 fails with ValidationError), or instances in Standby.</summary>
    private static StepResult? Blocker(RotationRun run, AppGroupState group)
    {
        var name = group.Name;
        if (group.MinSize > 0)
        {
            return StepResult.NeedsOperator($"{run.Target.Key()}'s application group {name} has a minimum size of {group.MinSize.ToString(CultureInfo.InvariantCulture)}, so Auto Scaling refuses to scale it to 0 and its user's password cannot change while its instances may hold sessions. The stack declares a minimum of 0: restore it ('pulumi up --stack {run.Stack}', or 'aws autoscaling update-auto-scaling-group --auto-scaling-group-name {name} --min-size 0'), then run 'hsm-rotate resume --stack {run.Stack}'.");
        }

        if (group.Standby > 0)
        {
            var count = group.Standby == 1 ? $"1 instance of {name} is" : $"{group.Standby.ToString(CultureInfo.InvariantCulture)} instances of {name} are";
            return StepResult.NeedsOperator($"{count} in Standby: still running and possibly holding sessions of {run.Plan.TargetSlot.CryptoUser}, and a scale-in never terminates them. Terminate them ('aws autoscaling terminate-instance-in-auto-scaling-group --instance-id <id> --should-decrement-desired-capacity'), then run 'hsm-rotate resume --stack {run.Stack}'.");
        }

        return null;
    }

    private static Task<AppGroupState> DescribeAsync(RotationRun run, Observation observed) =>
        run.Ports.AppGroups.DescribeAsync(observed.Target.AppGroupName, run.CancellationToken);

    /// <summary>What this step reads and changes, with the AWS calls behind it, as `plan` prints it.</summary>
    public StepText Describe(RotationPlan plan)
    {
        var t = plan.Target.Key();
        return new StepText(
            $"Quiesce {t}: its application group at 0, no instance left",
            ["autoscaling:DescribeAutoScalingGroups until no instance is left (none may hold an HSM session)"],
            plan.TargetSlot.ClientCount == 0
                ? ["autoscaling:SetDesiredCapacity 0, only if the group is above 0"]
                : [$"pulumi:config-set slots.{t}.clientCount = 0", "autoscaling:SetDesiredCapacity 0"]);
    }
}
