using HsmBlueGreen.Core.Rotation.Plan;
using HsmBlueGreen.Core.Rotation.Record;
using HsmBlueGreen.Core.Rotation.Run;
using HsmBlueGreen.Core.Settings;

namespace HsmBlueGreen.Core.Rotation.Cycle;

/// <summary>How far `cycle --until` goes: prepared (the idle slot ACTIVE), rotated (it serves 100%), retired (the old slot gone).</summary>
public enum CycleGoal
{
    Prepared,
    Rotated,
    Retired,
}

/// <param name="LoadSettings">Reads the stack file again: every stage writes the stack config.</param>
/// <param name="NewRun">A run of the plan on this command's ports, journal and events (the run record to take over, if any).</param>
/// <param name="Options">The rotation's options when the run stage starts or resumes a rotation (the stopped run's saved options, if any).</param>
/// <param name="Drain">How long the old slot stays at weight 0 before it is retired; null for the default.</param>
/// <param name="ConfirmRun">Asked before traffic moves; null means --yes.</param>
public sealed record CycleRequest(
    CycleGoal Until,
    Func<StackSettings> LoadSettings,
    Func<RotationPlan, RunRecord?, RotationRun> NewRun,
    Func<StackSettings, RotationOptions?, RotationOptions> Options,
    PrepareRequest Prepare,
    TimeSpan? Drain,
    Func<RotationPlan, Task<bool>>? ConfirmRun);
