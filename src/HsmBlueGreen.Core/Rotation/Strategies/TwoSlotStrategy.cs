using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Comparison;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>
/// A strategy that rotates the slot serving no traffic and then shifts traffic to it by weight steps. The source
/// keeps serving with its own password throughout, so after a failure traffic only has to go back to it.
/// </summary>
public abstract class TwoSlotStrategy : IRotationStrategy
{
    public abstract string Key { get; }

    public abstract int Order { get; }

    public bool ShiftsTraffic => true;

    public bool RunsInWindow => false;

    public Color TargetOf(Color source) => source.Other();

    public abstract string? Refusal(StackSettings settings, MaintenanceWindow? window, SlotSettings from, SlotSettings to);

    public abstract IReadOnlyList<RotationStep> Steps(RotationPlan plan);

    public RotationTokens TokensAt(SecretVersions source, string currentVersion, bool resuming) => RotationTokens.For(currentVersion);

    public abstract Task<(StepResult Result, Observation Observed)> PreflightChecksAsync(RotationRun run, Observation observed, bool resuming);

    public TimeSpan DrainLimit(RotationRun run) => run.Plan.Options.HealthTimeout;

    /// <summary>The rollback to the source happened where the failure was judged; the target's clients keep running, unserved.</summary>
    public Task<StepResult> RestoreAfterFailureAsync(RotationRun run, Observation observed, StepResult failure) => Task.FromResult(failure);

    public abstract string FinishMessage(RotationRun run);

    public abstract StepText? Describe(RotationStep step, RotationPlan plan);

    public abstract string PreviousVersion(RotationPlan plan);

    public abstract IReadOnlyList<string> OperatorNotes(RotationPlan plan);

    public abstract ApproachProfile Profile(StackSettings settings, RotationOptions options);
}
