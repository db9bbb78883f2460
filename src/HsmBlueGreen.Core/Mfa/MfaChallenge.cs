namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// One HSM's part of a token or authdata file: the digest it wants signed and the signature
/// already there, if any (base64 text; it is compared and decoded, never printed).
/// </summary>
/// <param name="Label">How messages name it: "token 2 of 3" or the HSM id.</param>
public sealed record MfaChallenge(string Label, MfaDigest Digest, string? Signature)
{
    public bool IsSigned => !string.IsNullOrEmpty(Signature);

    // The signature is secret-adjacent: keep it out of record printing.
    public override string ToString() => $"{Label} ({(IsSigned ? "signed" : "unsigned")})";
}
