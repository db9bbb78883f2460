using System.Security.Cryptography;

namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// What CloudHSM accepts for MFA and 2FA: an RSA key of at least 2048 bits used with
/// sha256WithRSAEncryption (RSASSA-PKCS1-v1_5 over the SHA-256 DigestInfo).
/// </summary>
internal static class KeyRules
{
    public const int MinimumBits = 2048;
    public static readonly HashAlgorithmName Hash = HashAlgorithmName.SHA256;
    public static readonly RSASignaturePadding Padding = RSASignaturePadding.Pkcs1;

    public static void RequireStrength(RSA rsa, string source)
    {
        if (rsa.KeySize < MinimumBits)
        {
            throw new MfaInputException($"{source} is a {rsa.KeySize}-bit RSA key; CloudHSM MFA needs at least {MinimumBits} bits (make one with 'hsm-rotate mfa keygen').");
        }
    }
}
