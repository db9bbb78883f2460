namespace HsmBlueGreen.Core.Rotation;

/// <summary>Bad input to a rotation (a step list, a duration, a slot): one line naming what and the fix; exit code 2.</summary>
public sealed class RotationInputException : Exception
{
    public RotationInputException(string message)
        : base(message)
    {
    }

    public RotationInputException()
    {
    }

    public RotationInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
