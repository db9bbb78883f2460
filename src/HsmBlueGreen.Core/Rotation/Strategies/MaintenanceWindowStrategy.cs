using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Comparison;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Rotation.Steps;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>
/// maintenance-window: one slot, rotated in place inside a planned window. Its clients stop (planned downtime), its
/// user's password changes, its clients start again; no other slot takes the traffic, so nothing shifts.
/// </summary>
public sealed class MaintenanceWindowStrategy : IRotationStrategy
{
    public string Key => "maintenance-window";

    public int Order => 3;

    public bool ShiftsTraffic => false;

    public bool RunsInWindow => true;

    public Color TargetOf(Color source) => source;

    public string? Refusal(StackSettings settings, MaintenanceWindow? window, SlotSettings from, SlotSettings to) =>
        settings.MaintenanceWindow is null && window is null
            ? $"--strategy maintenance-window needs a window and Pulumi.{settings.Stack}.yaml has none. Fix: pass --window-start 02:00 --window-duration 1h, or pulumi config set --stack {settings.Stack} --path 'maintenanceWindow.start' 02:00 and --path 'maintenanceWindow.maxDuration' 1h."
            : null;

    public IReadOnlyList<RotationStep> Steps(RotationPlan plan) =>
    [
        new RotationStep.Preflight(),
        new RotationStep.Quiesce(),
        .. StepLists.NewPassword(),
        new RotationStep.StartTarget(plan.TargetClientCount),
        new RotationStep.Finish(),
    ];

    /// <summary>The source secret is the target: once promoted, AWSCURRENT is the new version, so a resume reads the tokens from the rotation's own marks.</summary>
    public RotationTokens TokensAt(SecretVersions source, string currentVersion, bool resuming) =>
        resuming ? RotationTokens.InProgress(source, currentVersion) : RotationTokens.For(currentVersion);

    /// <summary>A fresh run starts only inside the window (a resume may finish outside it).</summary>
    public Task<(StepResult Result, Observation Observed)> PreflightChecksAsync(RotationRun run, Observation observed, bool resuming) =>
        Task.FromResult((resuming ? StepResult.Continue : WindowCheck.Inside(run), observed));

    public TimeSpan DrainLimit(RotationRun run) => WindowCheck.DrainLimit(run);

    public Task<StepResult> RestoreAfterFailureAsync(RotationRun run, Observation observed, StepResult failure) => ServiceRestore.AfterFailureAsync(run, observed, failure);

    public string FinishMessage(RotationRun run) =>
        $"{run.Target.Key()} serves again as {run.Plan.TargetSlot.CryptoUser} with its new password; measured downtime {Downtime.Measured(run)}.";

    public StepText? Describe(RotationStep step, RotationPlan plan)
    {
        var s = plan.Source.Key();
        return step switch
        {
            RotationStep.Preflight => new(
                StepText.PreflightTitle,
                [$"the clock: now inside the maintenance window ({plan.Window})", "sts:GetCallerIdentity", "stack outputs (pulumi stack output)", $"cloudhsmv2:DescribeClusters for {s}: ACTIVE, every HSM ACTIVE", $"elbv2:DescribeListeners: {s} serves 100", $"elbv2:DescribeTargetHealth on {s} (healthy before the window's downtime)", $"secretsmanager:DescribeSecret on {s}'s secret (AWSPENDING means a run to resume)"],
                StepText.RunBookkeeping(s)),
            RotationStep.Quiesce => new(
                $"Stop {s}'s clients (planned downtime starts): application group at 0, no instance left before the window ends",
                ["autoscaling:DescribeAutoScalingGroups until no instance is left (none may hold an HSM session)"],
                [$"pulumi:config-set slots.{s}.clientCount = 0", "autoscaling:SetDesiredCapacity 0"],
                "not drained by the window's end: clients start again with the old password, exit 1"),
            RotationStep.Finish => new($"Done: {s} serves again with its new password; the measured downtime is reported", [], []),
            _ => null,
        };
    }

    public string PreviousVersion(RotationPlan plan) => "the old one";

    public IReadOnlyList<string> OperatorNotes(RotationPlan plan) =>
        ["outside the window: refused (exit 2); clients not gone within it: service restored, exit 1"];

    public ApproachProfile Profile(StackSettings settings, RotationOptions options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(options);
        var window = options.Window ?? settings.MaintenanceWindow;
        return new(
            this,
            window is null ? "the window's length (no window configured)" : $"up to {Durations.Format(window.MaxDuration)}, inside the window ({window})",
            "nothing",
            "-",
            0m,
            null,
            ["planned downtime accepted, and a window (maintenanceWindow or --window-start/--window-duration)"],
            window is null ? "no maintenance window is configured (maintenanceWindow.start, maintenanceWindow.maxDuration)" : null)
        {
            FitsBecause = "the only one this stack is ready for; it takes the clients down inside the window",
        };
    }
}

/// <summary>maintenance-window's registration: this field is what lists it.</summary>
public static partial class RotationStrategies
{
    internal static readonly IRotationStrategy MaintenanceWindowRegistration = Register(new MaintenanceWindowStrategy());
}
