using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Steps;

/// <summary>
/// Dual-user preflight: on the serving slot's admin host, logged in as the serving user, every key labelled in
/// `keyLabels` must be reachable by both users; otherwise the target's clients could not use it after the shift.
/// Read-only; a failed login stops the run and is never retried.
/// </summary>
internal static class KeySharingCheck
{
    public const string SharedKeyLimits = "a user a key is shared with can only sign, encrypt, decrypt, verify and HMAC with it: it cannot export, wrap, unwrap with, modify, delete or derive from it; only the owner can";

    public static async Task<StepResult> RunAsync(RotationRun run, StackObservation observed)
    {
        // No seed step here: the idle user's own credential must already be in its slot's secret.
        var idle = await run.Ports.Secrets.DescribeAsync(observed.Target.SecretArn, run.CancellationToken).ConfigureAwait(false);
        if (idle.VersionWith(SecretStages.Current) is null)
        {
            return StepResult.BadInput($"{run.Target.Key()}'s secret {observed.Target.SecretArn} has no AWSCURRENT version: dual-user needs {run.Plan.TargetSlot.CryptoUser}'s current credential there. Fix: store it ({{\"username\":\"{run.Plan.TargetSlot.CryptoUser}\",\"password\":...}}) with 'aws secretsmanager put-secret-value', then run again.");
        }

        var source = new HsmUserTarget(observed.Source.AdminInstanceId, observed.Source.ClusterId, observed.Source.SecretArn, run.Plan.SourceSlot.CryptoUser);
        var other = run.Plan.TargetSlot.CryptoUser;
        foreach (var label in run.Plan.Settings.KeyLabels)
        {
            run.Call("ssm:SendCommand", $"cloudhsm-cli key list --filter attr.label={label} --verbose as {source.CryptoUser} on {source.InstanceId}", new Dictionary<string, string> { ["instance"] = source.InstanceId, ["cluster"] = source.ClusterId, ["label"] = label });
            var listed = await run.Ports.HsmUsers.ListKeySharingAsync(source, SecretVersionRef.ByStage(SecretStages.Current), label, run.CancellationToken).ConfigureAwait(false);
            if (!listed.Result.Succeeded)
            {
                var never = HsmFailures.IsLoginFailure(listed.Result.Outcome) ? " Not retried: the user locks after 5 failed logins; check it with an admin (cloudhsm-cli user list) before running again." : " Check the host's SSM agent and cloudhsm-cli, then run again.";
                return StepResult.NeedsOperator($"the key-sharing check as {source.CryptoUser} on {run.Source.Key()}'s admin host {source.InstanceId} failed: {listed.Result.Outcome} ({listed.Result.Detail}). Nothing was changed.{never}");
            }

            if (listed.Keys.Count == 0)
            {
                return StepResult.BadInput($"no key labelled '{label}' is visible to {source.CryptoUser} on cluster {source.ClusterId}. Fix: correct keyLabels in Pulumi.{run.Stack}.yaml, or have the key's owner share it with {source.CryptoUser}.");
            }

            var unshared = listed.Keys.Where(k => !k.Reaches(other) || !k.Reaches(source.CryptoUser)).ToList();
            if (unshared.Count > 0)
            {
                var owner = unshared[0].Owners.FirstOrDefault() ?? "its owner";
                return StepResult.BadInput($"key '{label}' ({string.Join(", ", unshared.Select(k => k.KeyReference))}) is not shared with {other}, so {run.Target.Key()}'s clients could not use it. Fix: as {owner}, 'cloudhsm-cli key share --filter attr.label={label} --username {other} --role crypto-user', then run again.");
            }

            var publicKeys = listed.Keys.Count(k => k.IsPublic);
            var publicNote = publicKeys > 0 ? $" ({publicKeys} public, usable by every user)" : string.Empty;
            run.Record(EventKinds.Check, $"key '{label}': {listed.Keys.Count} key(s), each reachable by {source.CryptoUser} and {other}{publicNote}");
        }

        run.Record(EventKinds.Warning, $"dual-user: {SharedKeyLimits}.");
        return StepResult.Continue;
    }
}
