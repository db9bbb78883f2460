using HsmBlueGreen.Core.Rotation.Comparison;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Steps;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>
/// green-cluster: the target slot's cluster was restored from the source's backup, so its copy of the crypto user
/// still has the password of the backup's time; it is seeded with that credential, changed, then takes the traffic.
/// </summary>
public sealed class GreenClusterStrategy : TwoSlotStrategy
{
    public override string Key => "green-cluster";

    public override int Order => 1;

    public override string? Refusal(StackSettings settings, MaintenanceWindow? window, SlotSettings from, SlotSettings to)
    {
        var (f, t) = (from.Color.Key(), to.Color.Key());
        if (settings.SlotsShareCluster)
        {
            return $"both slots use cluster {((ClusterSource.Existing)from.Cluster).ClusterId} in Pulumi.{settings.Stack}.yaml, so there is no restored cluster to rotate to. Fix: use --strategy dual-user.";
        }

        if (to.Cluster is ClusterSource.Existing existing)
        {
            // After a rotation that was not retired, the old slot still names the cluster it served from: its user has
            // the password of before that rotation, not the serving slot's.
            return $"slots.{t} reads cluster {existing.ClusterId} (clusterId), which was not restored from a backup of {f}'s cluster, so its {to.CryptoUser} does not have {f}'s password. Fix: retire {t} ('hsm-rotate retire {t} --stack {settings.Stack}'), then restore it from a backup of {f}'s cluster taken after its last password change: pulumi config set --stack {settings.Stack} --path 'slots.{t}.sourceBackupId' <backup id> (and its cryptoUser), then pulumi up.";
        }

        return string.Equals(from.CryptoUser, to.CryptoUser, StringComparison.Ordinal)
            ? null
            : $"slots.{t}.cryptoUser is '{to.CryptoUser}' but {f}'s is '{from.CryptoUser}': a cluster restored from {f}'s backup has {f}'s users. Fix: pulumi config set --stack {settings.Stack} --path 'slots.{t}.cryptoUser' {from.CryptoUser}.";
    }

    public override IReadOnlyList<RotationStep> Steps(RotationPlan plan) =>
    [
        new RotationStep.Preflight(),
        new RotationStep.Quiesce(),
        // Only a restored cluster starts with the source's password; a second user on the same cluster has its own.
        new RotationStep.SeedSecret(),
        .. StepLists.NewPassword(),
        new RotationStep.StartTarget(plan.TargetClientCount),
        .. StepLists.Shift(plan),
        new RotationStep.Finish(),
    ];

    public override async Task<(StepResult Result, Observation Observed)> PreflightChecksAsync(RotationRun run, Observation observed, bool resuming)
    {
        // Once seeded, the target's credential no longer depends on its backup: a resume goes on regardless.
        return resuming && (await SecretView.ReadAsync(run, observed).ConfigureAwait(false)).Seeded
            ? (StepResult.Continue, observed)
            : await RestoredClusterCheck.RunAsync(run, observed).ConfigureAwait(false);
    }

    public override string FinishMessage(RotationRun run) =>
        $"{run.Target.Key()} serves 100% with its new password. When {run.Source.Key()} has drained, retire it: 'hsm-rotate retire {run.Source.Key()} --stack {run.Stack}'.";

    public override StepText? Describe(RotationStep step, RotationPlan plan)
    {
        var (s, t) = (plan.Source.Key(), plan.Target.Key());
        return step switch
        {
            // A backup holds the passwords of its time: the seed is the source's version current when the target's backup was taken.
            RotationStep.Preflight => StepText.TwoSlotPreflight(plan, [], [$"cloudhsmv2:DescribeBackups of {t}'s source backup: taken of {s}'s cluster, else stop", $"secretsmanager:ListSecretVersionIds on {s}'s secret and record:read of its last run (when the password landed on the cluster): the version current when that backup was taken (AWSCURRENT, else AWSPREVIOUS) is the seed, else stop naming the next backup"]),
            RotationStep.Finish => new($"Done: {t} serves 100%; retire {s} after its drain time", [], [], $"'hsm-rotate retire {s}' when {s} has drained"),
            _ => null,
        };
    }

    public override string PreviousVersion(RotationPlan plan) => $"the seed ({plan.Source.Key()}'s secret is never touched)";

    public override IReadOnlyList<string> OperatorNotes(RotationPlan plan) =>
        [$"retiring {plan.Source.Key()} once drained: 'hsm-rotate retire {plan.Source.Key()} --stack {plan.Settings.Stack}'"];

    public override ApproachProfile Profile(StackSettings settings, RotationOptions options)
    {
        var (serving, other) = (settings.ServingColor, settings.ServingColor.Other());
        var zones = settings.HsmSubnets.ZoneCount;
        var clients = StrategyComparison.ClientCount(settings);
        var prices = settings.Prices;
        var cost = StrategyComparison.Sum((prices.Hsm, zones, "prices.hsmPerHour"), (prices.ClientInstance, clients, "prices.clientInstancePerHour"), (prices.AdminInstance, 1, "prices.adminInstancePerHour"));
        var notReady = settings.Slot(other) is not { Cluster: ClusterSource.FromBackup } target
            ? $"slots.{other.Key()} is not restored from a backup (set slots.{other.Key()}.sourceBackupId)"
            : !string.Equals(target.CryptoUser, settings.Slot(serving)?.CryptoUser, StringComparison.Ordinal)
                ? $"slots.{other.Key()}.cryptoUser differs from {serving.Key()}'s"
                : null;
        return new(
            this,
            "none: traffic shifts in gated steps",
            $"{StrategyComparison.Count(zones, "HSM")} ({settings.HsmType}) in a restored cluster, {StrategyComparison.Count(clients, "client instance")} ({settings.Clients.InstanceType}), 1 admin host ({settings.AdminInstanceType})",
            $"from 'pulumi up' of {other.Key()} (the restore) until {serving.Key()} is retired; the rotation itself about {Durations.Format(StrategyComparison.TypicalShiftRun(options))}",
            cost.Total,
            cost.Missing,
            [$"a recent backup of {serving.Key()}'s cluster (slots.{other.Key()}.sourceBackupId)", "the same crypto user in both slots", "the load balancer in front of both slots"],
            notReady)
        {
            ExtraHsms = zones,
            FitsBecause = "no downtime; the stack has a restored slot to rotate to",
        };
    }
}

/// <summary>green-cluster's registration: this field is what lists it.</summary>
public static partial class RotationStrategies
{
    internal static readonly IRotationStrategy GreenClusterRegistration = Register(new GreenClusterStrategy());
}
