namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// What an HSM asks to be signed: a SHA-256 digest, 32 bytes, carried as base64 in token and
/// authdata files. It is signed as a digest, never hashed again.
/// </summary>
public sealed class MfaDigest
{
    public const int Length = 32;
    private readonly byte[] bytes;

    private MfaDigest(byte[] bytes) => this.bytes = bytes;

    public ReadOnlySpan<byte> Bytes => bytes;

    /// <param name="text">The base64 text from the file.</param>
    /// <param name="where">Where it was found, for the message, e.g. "token 2 of 3 ('unsigned')".</param>
    public static MfaDigest FromBase64(string text, string where)
    {
        ArgumentNullException.ThrowIfNull(text);
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(text, buffer, out var written))
        {
            throw new MfaInputException($"{where} is not valid base64; use the file exactly as the HSM tool wrote it.");
        }

        if (written != Length)
        {
            throw new MfaInputException($"{where} decodes to {written} bytes, not the {Length} of a SHA-256 digest; use the file exactly as the HSM tool wrote it.");
        }

        return new MfaDigest(buffer[..Length]);
    }
}
