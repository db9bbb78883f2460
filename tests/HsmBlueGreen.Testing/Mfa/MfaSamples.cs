using System.Security.Cryptography;
using System.Text.Json;

namespace HsmBlueGreen.Core.Tests.Mfa;

/// <summary>Token and authdata files shaped like the CloudHSM tools write them, and keys made once per run.</summary>
internal static class MfaSamples
{
    private static readonly Lazy<RSA> SigningKeyInstance = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> OtherKeyInstance = new(() => RSA.Create(2048));

    public static RSA SigningKey => SigningKeyInstance.Value;

    public static RSA OtherKey => OtherKeyInstance.Value;

    public static string SigningKeyPem => SigningKey.ExportPkcs8PrivateKeyPem();

    public static string SigningPublicPem => SigningKey.ExportSubjectPublicKeyInfoPem();

    public static string OtherPublicPem => OtherKey.ExportSubjectPublicKeyInfoPem();

    public static byte[] DigestBytes(int index) => SHA256.HashData(BitConverter.GetBytes(index));

    public static string Digest(int index) => Convert.ToBase64String(DigestBytes(index));

    public static string TokenFile(int count, Func<int, string>? signed = null) => JsonSerializer.Serialize(new
    {
        version = "2.0",
        tokens = Enumerable.Range(0, count).Select(i => new { unsigned = Digest(i), signed = signed?.Invoke(i) ?? string.Empty }),
    });

    public static string AuthDataFile(int count, string publicKey = "", Func<int, string>? signature = null) => JsonSerializer.Serialize(new
    {
        Version = "1.0",
        PublicKey = publicKey,
        Data = Enumerable.Range(0, count).Select(i => new { HsmId = $"hsm-{i}abcdefghij", Digest = Digest(i), Signature = signature?.Invoke(i) ?? string.Empty }),
    });

    /// <summary>What `openssl pkeyutl -sign -pkeyopt digest:sha256` makes of a digest, by the independent .NET route.</summary>
    public static string ReferenceSignature(RSA key, int index) =>
        Convert.ToBase64String(key.SignHash(DigestBytes(index), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
}
