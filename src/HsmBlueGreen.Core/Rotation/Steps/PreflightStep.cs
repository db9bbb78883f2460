using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// Reads everything a run depends on and changes nothing: who we are, the stack outputs, both clusters ACTIVE with
/// their HSMs, the listener's split, the source's health, and the target secret's progress. A fresh run needs
/// 100/0 and no rotation in progress; a resume accepts any split between the two slots. What it read is returned as
/// the <see cref="Observation"/> the steps work on.
/// </summary>
internal static class PreflightStep
{
    /// <summary>Stops with the reason, or passes with what the run works on: <see cref="PreflightFindings"/> is null exactly when the result stops the run.</summary>
    public static async Task<(StepResult Result, PreflightFindings? Found)> RunAsync(RotationRun run, bool resuming)
    {
        var identity = await run.Ports.Identity.GetAsync(run.CancellationToken).ConfigureAwait(false);
        run.Record(EventKinds.Check, $"acting as {identity.Arn} in account {identity.Account}", new Dictionary<string, string> { ["account"] = identity.Account, ["arn"] = identity.Arn });

        var outputs = await StackObservation.ReadAsync(run).ConfigureAwait(false);
        foreach (var color in new[] { run.Source, run.Target }.Distinct())
        {
            if (!outputs.Slots.TryGetValue(color, out var slot))
            {
                return Stop(StepResult.BadInput($"stack {run.Stack} has no deployed {color.Key()} slot (no {StackOutputNames.ClusterId(color)} output). Fix: deploy it with 'pulumi up --stack {run.Stack}', then run again."));
            }

            if (await ClusterProblemAsync(run, color, slot).ConfigureAwait(false) is { } problem)
            {
                return Stop(StepResult.BadInput(problem));
            }
        }

        var stack = new StackObservation(outputs, outputs.Slots[run.Source], outputs.Slots[run.Target]);
        var listener = await ListenerWeights.ReadAsync(run, stack).ConfigureAwait(false);
        var targetPercent = ListenerWeights.TargetPercent(stack, listener);
        if (targetPercent is null)
        {
            return Stop(StepResult.NeedsOperator($"listener {stack.ListenerArn} forwards to a target group of neither slot ({string.Join(", ", listener.Weights.Select(w => w.TargetGroupArn))}). Fix the listener with 'pulumi up --stack {run.Stack}' first."));
        }

        run.Record(EventKinds.Weights, $"listener: {ListenerWeights.Split(run.Target, targetPercent.Value)}", ListenerWeights.EventData(run, targetPercent.Value));
        if (!resuming && targetPercent != 0 && run.Plan.Strategy.ShiftsTraffic)
        {
            return Stop(StepResult.BadInput($"traffic is already split ({ListenerWeights.Split(run.Target, targetPercent.Value)} on the listener): a rotation is in progress. Fix: 'hsm-rotate resume --stack {run.Stack}' to finish it or 'hsm-rotate abort --stack {run.Stack}' to put traffic back."));
        }

        if (listener.StickinessSeconds is { } sticky && TimeSpan.FromSeconds(sticky) > run.Plan.Options.Bake)
        {
            run.Record(EventKinds.Warning, $"target-group stickiness lasts {Durations.Format(TimeSpan.FromSeconds(sticky))}, longer than the bake ({Durations.Format(run.Plan.Options.Bake)}): sticky clients ignore the weights, so gates judge fewer requests and a rollback does not move them until their cookie expires.");
        }

        if (!resuming && await UnhealthySourceAsync(run, stack).ConfigureAwait(false) is { } unhealthy)
        {
            return Stop(StepResult.NeedsOperator(unhealthy));
        }

        var source = await run.Ports.Secrets.DescribeAsync(stack.Source.SecretArn, run.CancellationToken).ConfigureAwait(false);
        if (source.VersionWith(SecretStages.Current) is not { } currentVersion)
        {
            return Stop(StepResult.BadInput($"{run.Source.Key()}'s secret {stack.Source.SecretArn} has no AWSCURRENT version, so there is no credential to carry over. Fix: store {run.Source.Key()}'s crypto-user credential in it first."));
        }

        var observed = stack.With(run.Plan.Strategy.TokensAt(source, currentVersion, resuming));
        var (progress, clearLoginFailure) = await SecretProgressAsync(run, observed, resuming).ConfigureAwait(false);
        if (!progress.Continues)
        {
            return Stop(progress);
        }

        if (resuming && targetPercent == 0 && await NothingToResumeAsync(run, observed).ConfigureAwait(false))
        {
            return Stop(StepResult.BadInput($"there is no rotation to resume on stack {run.Stack}: {run.Target.Key()}'s secret holds nothing of a rotation from {run.Source.Key()} and all traffic is on {run.Source.Key()}. Fix: start one with 'hsm-rotate run --stack {run.Stack}'."));
        }

        var (checks, checkedObservation) = await run.Plan.Strategy.PreflightChecksAsync(run, observed, resuming).ConfigureAwait(false);
        return checks.Continues ? (checks, new PreflightFindings(checkedObservation, identity.Arn, clearLoginFailure)) : Stop(checks);
    }

    private static (StepResult, PreflightFindings?) Stop(StepResult result) => (result, null);

    /// <summary>A resume must not start a rotation nobody confirmed: it needs our tokens in AWS or our own run's lease.</summary>
    private static async Task<bool> NothingToResumeAsync(RotationRun run, Observation observed)
    {
        if ((await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).Seeded)
        {
            return false;
        }

        var lease = await run.Ports.Lock.ReadAsync(observed.Target.SecretArn, run.CancellationToken).ConfigureAwait(false);
        return !string.Equals(lease?.RunId, run.RunId, StringComparison.Ordinal);
    }

    private static async Task<string?> ClusterProblemAsync(RotationRun run, Color color, SlotOutputs slot)
    {
        var clusterId = slot.ClusterId;
        var cluster = await run.Ports.Clusters.DescribeClusterAsync(clusterId, run.CancellationToken).ConfigureAwait(false);
        var fix = $"wait until it is ACTIVE with every HSM ACTIVE ('hsm-rotate status --stack {run.Stack}'), then run again.";
        if (cluster is null)
        {
            return $"{color.Key()}'s cluster {clusterId} (stack output {StackOutputNames.ClusterId(color)}) does not exist. Fix: 'pulumi up --stack {run.Stack}'.";
        }

        if (cluster.State != ClusterState.Active)
        {
            return $"{color.Key()}'s cluster {clusterId} is {cluster.State}, not ACTIVE. Fix: {fix}";
        }

        var notActive = cluster.Hsms.Where(h => h.State != HsmState.Active).ToList();
        if (cluster.Hsms.Count == 0 || notActive.Count > 0)
        {
            var detail = cluster.Hsms.Count == 0 ? "has no HSM" : $"has HSMs not ACTIVE: {string.Join(", ", notActive.Select(h => $"{h.HsmId} {h.State}"))}";
            return $"{color.Key()}'s cluster {clusterId} {detail}. Fix: {fix}";
        }

        if (SubnetMappingCheck.Problem(run, color, cluster) is { } subnets)
        {
            return subnets;
        }

        run.Record(EventKinds.Check, $"{color.Key()} cluster {clusterId} ACTIVE with {cluster.Hsms.Count} HSM(s) in {string.Join(", ", cluster.Hsms.Select(h => h.AvailabilityZone).Distinct().Order(StringComparer.Ordinal))}");
        return null;
    }

    private static async Task<string?> UnhealthySourceAsync(RotationRun run, StackObservation observed)
    {
        var targets = await run.Ports.LoadBalancer.GetTargetHealthAsync(observed.Source.TargetGroupArn, run.CancellationToken).ConfigureAwait(false);
        var healthy = targets.Count(t => t.State == TargetHealthState.Healthy);
        run.Record(EventKinds.Check, $"{run.Source.Key()} targets healthy: {healthy}/{targets.Count}");
        return healthy > 0 && healthy == targets.Count
            ? null
            : $"{run.Source.Key()}, the slot every rollback returns to, has {healthy} of {targets.Count} targets healthy. Fix {run.Source.Key()} first; a rotation needs a healthy slot to fall back on.";
    }

    /// <summary>How far the target's secret got, and whether an acknowledged failed-login mark is to come off once the lease is held.</summary>
    private static async Task<(StepResult Result, bool ClearLoginFailure)> SecretProgressAsync(RotationRun run, Observation observed, bool resuming)
    {
        var view = await SecretView.ReadAsync(run, observed).ConfigureAwait(false);
        var pending = view.Versions.VersionWith(SecretStages.Pending);
        if (!resuming && pending is not null)
        {
            var whose = string.Equals(pending, observed.Tokens.Pending, StringComparison.Ordinal) ? "from an interrupted hsm-rotate run" : "not made by this rotation";
            return (StepResult.NeedsOperator($"{run.Target.Key()}'s secret already has an AWSPENDING version ({pending}, {whose}). Fix: 'hsm-rotate resume --stack {run.Stack}' or 'hsm-rotate abort --stack {run.Stack}'."), false);
        }

        var clear = false;
        if (view.LoginFailed)
        {
            if (!run.LoginFailureAcknowledged)
            {
                return (StepResult.NeedsOperator($"the last run stopped after a failed login as {run.Plan.TargetSlot.CryptoUser} on {run.Target.Key()}'s cluster. Check the user with an admin (cloudhsm-cli user list), then 'hsm-rotate resume --stack {run.Stack} --acknowledge-login-failure' (run takes no such option), or 'hsm-rotate abort --stack {run.Stack}'."), false);
            }

            run.Record(EventKinds.Check, "failed login acknowledged by the operator; the mark is cleared once the lock is held");
            clear = true;
        }

        run.Record(EventKinds.Check, $"{run.Target.Key()} secret: {(view.Finished ? "rotated" : view.PasswordSet ? "password set" : view.PendingCreated ? "pending created" : view.Seeded ? "seeded" : "not started")}");
        return (StepResult.Continue, clear);
    }
}
