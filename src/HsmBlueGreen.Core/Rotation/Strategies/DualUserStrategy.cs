using HsmBlueGreen.Core.Rotation.Comparison;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Steps;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>
/// dual-user: both slots on one cluster, each with its own crypto user sharing the application's keys; a rotation
/// changes the password of the user that serves no traffic, then shifts traffic to it. The source stays for the next one.
/// </summary>
public sealed class DualUserStrategy : TwoSlotStrategy
{
    /// <summary>What cloudhsm-facts §1.6 says a user a key is shared with may not do, shortened for the plan.</summary>
    private const string KeySharingLimits = "a shared key can only be used (sign, encrypt, decrypt, verify, HMAC), never exported, wrapped, changed, deleted or derived from";

    public override string Key => "dual-user";

    public override int Order => 2;

    public override string? Refusal(StackSettings settings, MaintenanceWindow? window, SlotSettings from, SlotSettings to)
    {
        var stack = settings.Stack;
        if (!settings.SlotsShareCluster)
        {
            var example = from.Cluster is ClusterSource.Existing existing ? existing.ClusterId : "<cluster id>";
            return $"--strategy dual-user needs both slots on one existing cluster, but Pulumi.{stack}.yaml gives them different clusters. Fix: pulumi config set --stack {stack} --path 'slots.{to.Color.Key()}.clusterId' {example} (and remove its sourceBackupId), then pulumi up.";
        }

        // The binder already refuses one user for two slots on one cluster; the key list is the other precondition.
        return settings.KeyLabels.Count == 0
            ? $"--strategy dual-user checks that every key the application uses is shared with both {from.CryptoUser} and {to.CryptoUser}, but keyLabels is empty in Pulumi.{stack}.yaml. Fix: pulumi config set --stack {stack} --path 'keyLabels[0]' <label of a key the application uses> (one entry per key)."
            : null;
    }

    public override IReadOnlyList<RotationStep> Steps(RotationPlan plan) =>
    [
        new RotationStep.Preflight(),
        new RotationStep.Quiesce(),
        .. StepLists.NewPassword(),
        new RotationStep.StartTarget(plan.TargetClientCount),
        .. StepLists.Shift(plan),
        new RotationStep.Finish(),
    ];

    public override async Task<(StepResult Result, Observation Observed)> PreflightChecksAsync(RotationRun run, Observation observed, bool resuming) =>
        (resuming ? StepResult.Continue : await KeySharingCheck.RunAsync(run, observed).ConfigureAwait(false), observed);

    public override string FinishMessage(RotationRun run) =>
        $"{run.Target.Key()} serves 100% as {run.Plan.TargetSlot.CryptoUser} with its new password. Keep {run.Source.Key()}: the next rotation changes {run.Plan.SourceSlot.CryptoUser}'s password there (its clients are stopped first).";

    public override StepText? Describe(RotationStep step, RotationPlan plan) => step switch
    {
        RotationStep.Preflight => StepText.TwoSlotPreflight(plan, [.. plan.Settings.KeyLabels.Select(l => $"ssm:SendCommand cloudhsm-cli key list --filter attr.label={l} --verbose as {plan.SourceSlot.CryptoUser} on {plan.Source.Key()}'s admin host: shared with {plan.TargetSlot.CryptoUser}")], []),
        RotationStep.Finish => new($"Done: {plan.Target.Key()} serves 100% as {plan.TargetSlot.CryptoUser}; {plan.Source.Key()} stays for the next rotation, which changes {plan.SourceSlot.CryptoUser}", [], []),
        _ => null,
    };

    public override string PreviousVersion(RotationPlan plan) => $"{plan.TargetSlot.CryptoUser}'s old one ({plan.Source.Key()}'s secret is never touched)";

    public override IReadOnlyList<string> OperatorNotes(RotationPlan plan) =>
    [
        $"a key in keyLabels not shared with {plan.TargetSlot.CryptoUser}: refused in preflight (exit 2); {KeySharingLimits}",
        $"no retire: {plan.Source.Key()} stays, and the next rotation changes {plan.SourceSlot.CryptoUser}'s password",
    ];

    public override ApproachProfile Profile(StackSettings settings, RotationOptions options)
    {
        var clients = StrategyComparison.ClientCount(settings);
        var cost = StrategyComparison.Sum((settings.Prices.ClientInstance, clients, "prices.clientInstancePerHour"));
        var notReady = !settings.SlotsShareCluster
            ? "the slots are on different clusters (dual-user needs both on one, with two crypto users)"
            : settings.KeyLabels.Count == 0 ? "keyLabels is empty (the keys to check for sharing)" : null;
        return new(
            this,
            "none: traffic shifts in gated steps",
            $"no HSM; {StrategyComparison.Count(clients, "client instance")} ({settings.Clients.InstanceType}) of the idle slot; its admin host ({settings.AdminInstanceType}) runs all the time",
            $"the client instances about {Durations.Format(StrategyComparison.TypicalShiftRun(options))} per rotation",
            cost.Total,
            cost.Missing,
            ["both slots on one cluster, two crypto users", "every key in keyLabels shared with both users (checked in preflight); a shared key can only be used, never exported, wrapped, deleted or derived from", "the load balancer in front of both slots"],
            notReady)
        {
            FitsBecause = "no downtime and no extra HSM",
        };
    }
}

/// <summary>dual-user's registration: this field is what lists it.</summary>
public static partial class RotationStrategies
{
    internal static readonly IRotationStrategy DualUserRegistration = Register(new DualUserStrategy());
}
