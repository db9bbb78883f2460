using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Rotation.Comparison;
using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Core.Rotation.Strategies;

/// <summary>
/// Everything one strategy does differently from the others: which slot it rotates, what it refuses, its steps, its
/// own preflight checks, how it restores service after a failure and how it reports the end. Steps and operations
/// ask the strategy instead of testing which one runs; adding one is one file (the implementation, with the field that
/// registers it in <see cref="RotationStrategies"/>) plus its scenario tests.
/// </summary>
public interface IRotationStrategy
{
    /// <summary>The name on the command line, in the journal and in the run record.</summary>
    string Key { get; }

    /// <summary>Where it is listed (help, `plan --compare`); the first is the default.</summary>
    int Order { get; }

    /// <summary>Whether the rotation must fit inside a maintenance window: plan and run refuse one shorter than the estimate.</summary>
    bool RunsInWindow { get; }

    /// <summary>
    /// Whether another slot takes the traffic over by weight steps. When not, the rotated slot is the serving one:
    /// stopping its clients is downtime, and the listener never moves.
    /// </summary>
    bool ShiftsTraffic { get; }

    Color TargetOf(Color source);

    /// <summary>What the stack file alone shows this strategy cannot work with: one line naming the key and the fix; null when it can.</summary>
    string? Refusal(StackSettings settings, MaintenanceWindow? window, SlotSettings from, SlotSettings to);

    IReadOnlyList<RotationStep> Steps(RotationPlan plan);

    /// <summary>This run's tokens, from the source secret's AWSCURRENT version as preflight reads it.</summary>
    RotationTokens TokensAt(SecretVersions source, string currentVersion, bool resuming);

    /// <summary>
    /// The strategy's own preflight checks, after the common ones have passed; they change nothing in AWS. They return
    /// the observation the steps work on: the one given, or a new one where a check learned better (the seed version).
    /// </summary>
    Task<(StepResult Result, Observation Observed)> PreflightChecksAsync(RotationRun run, Observation observed, bool resuming);

    /// <summary>How long the target's clients may take to drain before the password changes.</summary>
    TimeSpan DrainLimit(RotationRun run);

    /// <summary>A step failed: put service back as this strategy needs, and say what was done.</summary>
    Task<StepResult> RestoreAfterFailureAsync(RotationRun run, Observation observed, StepResult failure);

    string FinishMessage(RotationRun run);

    /// <summary>The plan's text for the steps this strategy describes itself; null for a step described the common way.</summary>
    StepText? Describe(RotationStep step, RotationPlan plan);

    /// <summary>What AWSPREVIOUS points to once the new password is promoted, as the plan says it.</summary>
    string PreviousVersion(RotationPlan plan);

    /// <summary>Where this strategy needs an operator, beyond what every strategy does (plan's "Needs an operator").</summary>
    IReadOnlyList<string> OperatorNotes(RotationPlan plan);

    /// <summary>What it costs and needs for a stack as configured, as `plan --compare` shows it (offline, from settings only).</summary>
    ApproachProfile Profile(StackSettings settings, RotationOptions options);
}
