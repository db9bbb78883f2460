using System.Globalization;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Traffic;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Operations;

/// <summary>`status`: where a rotation stands, read from AWS only (phase, weights, target health, secret stages, the run record, lock).</summary>
public static class StatusOperation
{
    public static async Task<IReadOnlyList<KeyValuePair<string, string>>> ReadAsync(RotationRun run)
    {
        var lines = new List<KeyValuePair<string, string>>();
        void Add(string key, string value) => lines.Add(KeyValuePair.Create(key, value));

        var outputs = await StackObservation.ReadAsync(run).ConfigureAwait(false);
        Add("stack", run.Stack);
        Add("rotation", $"{run.Source.Key()} -> {run.Target.Key()}");
        if (StackObservation.Of(outputs, run) is not { } observed)
        {
            Add("phase", $"only {string.Join(", ", outputs.Slots.Keys.Select(c => c.Key()))} deployed: nothing to rotate");
            return lines;
        }

        var listener = await ListenerWeights.ReadAsync(run, observed).ConfigureAwait(false);
        var percent = ListenerWeights.TargetPercent(observed, listener);
        Add("weights", percent is { } p ? ListenerWeights.Split(run.Target, p).ToString() : "listener forwards to a group of neither slot");
        Add("stickiness", listener.StickinessSeconds is { } s ? Durations.Format(TimeSpan.FromSeconds(s)) : "off");

        var source = await run.Ports.Secrets.DescribeAsync(observed.Source.SecretArn, run.CancellationToken).ConfigureAwait(false);
        SecretView? view = null;
        if (source.VersionWith(SecretStages.Current) is { } current)
        {
            view = await SecretView.ReadAsync(run, observed.With(RotationTokens.For(current))).ConfigureAwait(false);
        }

        Add("phase", Phase(run, view, percent));
        foreach (var color in new[] { run.Source, run.Target })
        {
            var slot = outputs.Slots[color];
            var cluster = await run.Ports.Clusters.DescribeClusterAsync(slot.ClusterId, run.CancellationToken).ConfigureAwait(false);
            var group = await run.Ports.AppGroups.DescribeAsync(slot.AppGroupName, run.CancellationToken).ConfigureAwait(false);
            var health = await run.Ports.LoadBalancer.GetTargetHealthAsync(slot.TargetGroupArn, run.CancellationToken).ConfigureAwait(false);
            var secret = color == run.Source ? source : await run.Ports.Secrets.DescribeAsync(slot.SecretArn, run.CancellationToken).ConfigureAwait(false);
            Add($"{color.Key()} cluster", cluster is null ? $"{slot.ClusterId} not found" : $"{slot.ClusterId} {cluster.State}, {cluster.Hsms.Count(h => h.State == HsmState.Active)}/{cluster.Hsms.Count} HSMs ACTIVE");
            Add($"{color.Key()} clients", $"{group.Name} desired {group.Desired}, in service {group.InService}; targets healthy {health.Count(t => t.State == TargetHealthState.Healthy)}/{health.Count}");
            Add($"{color.Key()} secret", string.Join("; ", secret.VersionStages.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}: {string.Join(",", v.Value)}")));
        }

        lines.AddRange(RunRecordLines.Of(run.SavedRecord));
        var lease = await run.Ports.Lock.ReadAsync(observed.Target.SecretArn, run.CancellationToken).ConfigureAwait(false);
        Add("lock", lease is null || lease.IsExpiredAt(run.Clock.GetUtcNow()) ? "free" : $"run {lease.RunId} by {lease.Owner} until {lease.ExpiresAt.ToString("u", CultureInfo.InvariantCulture)}");
        return lines;
    }

    private static string Phase(RotationRun run, SecretView? view, int? percent)
    {
        var (s, t) = (run.Source.Key(), run.Target.Key());
        return view switch
        {
            { LoginFailed: true } => "stopped after a failed login: an admin must check the user; resume needs --acknowledge-login-failure",
            _ when percent is > 0 and < 100 => $"shift: {t} at {percent}%",
            { Finished: true } when percent == 100 => $"done: {t} serves 100%; retire {s} once drained",
            { Finished: true } => $"secret rotated; {t} takes no traffic yet (start-target or shift)",
            { PasswordSet: true } => "secret: password set on the cluster, not yet verified and promoted",
            { PendingCreated: true } => "secret: AWSPENDING created, not yet set on the cluster",
            { Seeded: true } => "secret: seeded with the source credential",
            _ => $"idle: {s} serves; no rotation in progress",
        };
    }
}
