namespace HsmBlueGreen.Core.Mfa;

public enum MfaCheckOutcome
{
    Valid,
    NotSigned,
    NotBase64,
    DoesNotMatch,
}

/// <summary>One HSM's verdict in `mfa verify`: whether its signature checks out against the public key.</summary>
public sealed record MfaCheck(string Label, MfaCheckOutcome Outcome)
{
    public bool Passed => Outcome == MfaCheckOutcome.Valid;

    public string Describe() => Outcome switch
    {
        MfaCheckOutcome.Valid => "ok",
        MfaCheckOutcome.NotSigned => "FAILED: not signed",
        MfaCheckOutcome.NotBase64 => "FAILED: the signature is not valid base64",
        MfaCheckOutcome.DoesNotMatch => "FAILED: the signature does not match the public key",
        _ => throw new InvalidOperationException($"unknown outcome {Outcome}"),
    };
}
