namespace HsmBlueGreen.Rotate.Cli;

/// <summary>The step program's exit codes (DESIGN.md): scripts and CI branch on them.</summary>
public static class ExitCodes
{
    public const int Done = 0;
    public const int FailedRolledBack = 1;
    public const int BadInput = 2;
    public const int NeedsOperator = 3;
}
