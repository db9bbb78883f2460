namespace HsmBlueGreen.Core.Rotation.Run;

/// <summary>How a run ended: the CLI maps these to exit codes 0, 1, 2 and 3.</summary>
public enum RotationOutcome
{
    Done,
    RolledBack,
    BadInput,
    NeedsOperator,
}

/// <summary>What applying a step did: carry on, or stop the run with an outcome and one line for the operator.</summary>
public sealed record StepResult(RotationOutcome? Stop, string Message)
{
    public static StepResult Continue { get; } = new(null, string.Empty);

    public bool Continues => Stop is null;

    public static StepResult NeedsOperator(string message) => new(RotationOutcome.NeedsOperator, message);

    public static StepResult BadInput(string message) => new(RotationOutcome.BadInput, message);

    public static StepResult RolledBack(string message) => new(RotationOutcome.RolledBack, message);
}

/// <summary>A finished run (or command): its outcome and the line that explains it.</summary>
public sealed record RunResult(RotationOutcome Outcome, string Message);
