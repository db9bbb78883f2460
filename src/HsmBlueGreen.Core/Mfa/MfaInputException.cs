namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// Bad MFA input a person can fix (a malformed token file, a wrong key, a missing passphrase).
/// The message is one line naming what, where and the fix, and never carries key material,
/// passphrases or signatures, so the CLI prints it as it is.
/// </summary>
public sealed class MfaInputException : Exception
{
    public MfaInputException(string message)
        : base(message)
    {
    }

    public MfaInputException()
    {
    }

    public MfaInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
