namespace HsmBlueGreen.Core.Rotation.Plan;

/// <summary>The phases of a rotation, in order (DESIGN.md, "The step program"); maintenance-window has no Shift, dual-user no seed.</summary>
public enum Phase
{
    Preflight,
    Quiesce,
    Secret,
    StartTarget,
    Shift,
    Done,
}

/// <summary>
/// One step of a rotation as data: the plan prints them, the runner reconciles them in order, and each
/// step's handler first asks AWS whether it is already done, so a crash anywhere is safe to resume.
/// </summary>
public abstract record RotationStep(Phase Phase, string Name)
{
    public sealed record Preflight() : RotationStep(Phase.Preflight, "preflight");

    public sealed record Quiesce() : RotationStep(Phase.Quiesce, "quiesce");

    public sealed record SeedSecret() : RotationStep(Phase.Secret, "seed-secret");

    public sealed record CreatePending() : RotationStep(Phase.Secret, "create-pending");

    public sealed record SetPassword() : RotationStep(Phase.Secret, "set-password");

    public sealed record VerifyPassword() : RotationStep(Phase.Secret, "verify-password");

    public sealed record PromoteSecret() : RotationStep(Phase.Secret, "promote-secret");

    public sealed record StartTarget(int ClientCount) : RotationStep(Phase.StartTarget, "start-target");

    /// <summary>GET <paramref name="Path"/> through the target's test route from its admin host, expecting 2xx, before any traffic moves.</summary>
    public sealed record SmokeCheck(string Path) : RotationStep(Phase.StartTarget, "smoke-check");

    /// <summary>Set the target's weight, settle, record it in the stack, bake, judge the gates; optionally pause for promote.</summary>
    public sealed record ShiftWeight(int Percent, TimeSpan Bake, bool PauseAfter) : RotationStep(Phase.Shift, $"shift-{Percent}");

    public sealed record Finish() : RotationStep(Phase.Done, "done");
}
