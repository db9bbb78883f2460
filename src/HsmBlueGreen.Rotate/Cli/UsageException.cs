namespace HsmBlueGreen.Rotate.Cli;

/// <summary>Bad input on the command line: printed as one line with the fix, exit code 2, no stack trace.</summary>
public sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException()
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
