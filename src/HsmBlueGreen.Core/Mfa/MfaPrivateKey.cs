using System.Security.Cryptography;
using HsmBlueGreen.Core.Secrets;

namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// The private half of an MFA key: signs the digests HSMs hand out. Reads what operators have
/// (PKCS#8, encrypted PKCS#8, PKCS#1 from older openssl genrsa) and refuses anything CloudHSM would.
/// </summary>
public sealed class MfaPrivateKey : IDisposable
{
    public const int GeneratedBits = 2048;

    // PBKDF2-HMAC-SHA256 iterations for keys we encrypt (OWASP's figure); openssl reads any count.
    private const int PassphraseIterations = 600_000;

    private readonly RSA rsa;

    private MfaPrivateKey(RSA rsa, string source)
    {
        this.rsa = rsa;
        Source = source;
        PublicKey = MfaPublicKey.Of(rsa, source);
    }

    /// <summary>Where the key came from, for messages (e.g. the file name).</summary>
    public string Source { get; }

    public MfaPublicKey PublicKey { get; }

    public static MfaPrivateKey Generate(string source) => new(RSA.Create(GeneratedBits), source);

    /// <summary>Whether the PEM is encrypted, so a caller knows to ask for the passphrase first.</summary>
    public static bool IsEncrypted(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        return KeyPem.IsLegacyEncrypted(pem) || KeyPem.FindKey(pem)?.Label == KeyPem.EncryptedPkcs8;
    }

    public static MfaPrivateKey FromPem(string pem, Sensitive? passphrase, string source)
    {
        ArgumentNullException.ThrowIfNull(pem);
        if (KeyPem.IsLegacyEncrypted(pem))
        {
            throw new MfaInputException($"{source} uses openssl's legacy key encryption (Proc-Type: 4,ENCRYPTED); convert it once with 'openssl pkcs8 -topk8 -v2 aes-256-cbc -in {source} -out new.key' and use new.key.");
        }

        var block = KeyPem.FindKey(pem)
            ?? throw new MfaInputException($"{source} holds no PEM private key (-----BEGIN PRIVATE KEY-----); give the .key file from 'hsm-rotate mfa keygen' or 'openssl genrsa'.");
        var rsa = RSA.Create();
        try
        {
            PrivateKeyImport.Into(rsa, block.Label, block.Der, passphrase, source);
            KeyRules.RequireStrength(rsa, source);
            return new MfaPrivateKey(rsa, source);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    /// <summary>Signs a digest as a digest: PKCS#1 v1.5 over its SHA-256 DigestInfo, no second hash.</summary>
    public byte[] Sign(MfaDigest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return rsa.SignHash(digest.Bytes, KeyRules.Hash, KeyRules.Padding);
    }

    /// <summary>PKCS#8 PEM; encrypted (PBES2, AES-256-CBC, PBKDF2-SHA256) when a passphrase is given.</summary>
    public Sensitive ToPem(Sensitive? passphrase) => new(passphrase is null
        ? rsa.ExportPkcs8PrivateKeyPem()
        : rsa.ExportEncryptedPkcs8PrivateKeyPem(
            passphrase.Reveal(),
            new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, PassphraseIterations)));

    public void Dispose()
    {
        PublicKey.Dispose();
        rsa.Dispose();
    }
}
