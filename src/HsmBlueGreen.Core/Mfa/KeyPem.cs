using System.Formats.Asn1;
using System.Security.Cryptography;

namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// Finds the key in PEM text and names its algorithm, so a wrong key gets a message that says
/// what it is. Nothing from the key's content ever goes into a message.
/// </summary>
internal static class KeyPem
{
    public const string Pkcs8 = "PRIVATE KEY";
    public const string EncryptedPkcs8 = "ENCRYPTED PRIVATE KEY";
    public const string Pkcs1Private = "RSA PRIVATE KEY";
    public const string SubjectPublicKeyInfo = "PUBLIC KEY";
    public const string Pkcs1Public = "RSA PUBLIC KEY";

    private const string RsaOid = "1.2.840.113549.1.1.1";

    private static readonly Dictionary<string, string> AlgorithmNames = new(StringComparer.Ordinal)
    {
        [RsaOid] = "RSA",
        ["1.2.840.113549.1.1.10"] = "RSA-PSS",
        ["1.2.840.10045.2.1"] = "EC",
        ["1.2.840.10040.4.1"] = "DSA",
        ["1.3.101.110"] = "X25519",
        ["1.3.101.111"] = "X448",
        ["1.3.101.112"] = "Ed25519",
        ["1.3.101.113"] = "Ed448",
    };

    /// <summary>The first PEM block whose label ends in "KEY", or null when there is none.</summary>
    public static (string Label, byte[] Der)? FindKey(string text)
    {
        var rest = text.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var label = rest.Span[fields.Label].ToString();
            if (label.EndsWith("KEY", StringComparison.Ordinal))
            {
                return (label, Convert.FromBase64String(rest.Span[fields.Base64Data].ToString()));
            }

            rest = rest[fields.Location.End..];
        }

        return null;
    }

    /// <summary>OpenSSL's pre-PKCS#8 encryption ("Proc-Type: 4,ENCRYPTED"), which .NET cannot read.</summary>
    public static bool IsLegacyEncrypted(string text) =>
        text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal);

    /// <summary>The algorithm of a PKCS#8 PrivateKeyInfo or a SubjectPublicKeyInfo: "RSA", "EC", ...; null when unreadable.</summary>
    public static string? AlgorithmOf(byte[] der, bool isPrivateKeyInfo)
    {
        try
        {
            var outer = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
            if (isPrivateKeyInfo)
            {
                _ = outer.ReadInteger();
            }

            var oid = outer.ReadSequence().ReadObjectIdentifier();
            return AlgorithmNames.GetValueOrDefault(oid, $"unknown (OID {oid})");
        }
        catch (AsnContentException)
        {
            return null;
        }
    }

    /// <summary>Throws unless the key is RSA; a caller's import then reports a damaged RSA key.</summary>
    public static void RequireRsa(byte[] der, bool isPrivateKeyInfo, string source)
    {
        var algorithm = AlgorithmOf(der, isPrivateKeyInfo);
        if (algorithm is not null && !string.Equals(algorithm, AlgorithmNames[RsaOid], StringComparison.Ordinal))
        {
            throw new MfaInputException(NotRsa(source, algorithm));
        }
    }

    public static string NotRsa(string source, string algorithm) =>
        $"{source} is {Article(algorithm)} {algorithm} key; CloudHSM MFA needs RSA 2048 (make one with 'hsm-rotate mfa keygen' or 'openssl genrsa 2048').";

    // Key names are read as letters ("an RSA-PSS", "an EC", "a DSA") or as words ("an unknown").
    private static string Article(string word) => "AEFHILMNORSXaeiou".Contains(word[0], StringComparison.Ordinal) ? "an" : "a";
}
