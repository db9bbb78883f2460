namespace HsmBlueGreen.Rotate.Cli;

/// <summary>hsm-rotate's exit codes (README "Exit codes", DESIGN.md): scripts and CI branch on them.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int FailedRolledBack = 1;
    public const int BadInput = 2;
    public const int NeedsOperator = 3;

    /// <summary>An unexpected exception: a bug, not a state of the rotation. The detail is printed with --verbose.</summary>
    public const int Crashed = 4;

    /// <summary>`audit`: no check could tell pass from fail, so nothing was verified.</summary>
    public const int NothingVerified = 5;
}
