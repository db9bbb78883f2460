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

    // A weight is four step kinds, as argo-rollouts' CanaryStep has setWeight, pause and analysis: each is done on its
    // own, so a crash between two of them resumes at the one that was not (a bake that did not end is baked again).

    /// <summary>Set the target's weight, read it back, settle, record it in the stack.</summary>
    public sealed record SetWeight(int Percent) : RotationStep(Phase.Shift, $"set-weight-{Percent}");

    /// <summary>Hold the weight for <paramref name="Duration"/>, judging the gates marked for every bake tick each minute.</summary>
    public sealed record Bake(int Percent, TimeSpan Duration) : RotationStep(Phase.Shift, $"bake-{Percent}");

    /// <summary>Judge every gate over the last <paramref name="Window"/> at the weight (the bake before it); inconclusive pauses for promote.</summary>
    public sealed record Judge(int Percent, TimeSpan Window) : RotationStep(Phase.Shift, $"judge-{Percent}");

    /// <summary>--pause-at: wait at the weight until `hsm-rotate promote`.</summary>
    public sealed record Pause(int Percent) : RotationStep(Phase.Shift, $"pause-{Percent}");

    public sealed record Finish() : RotationStep(Phase.Done, "done");
}
