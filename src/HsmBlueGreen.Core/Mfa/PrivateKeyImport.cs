using System.Security.Cryptography;
using HsmBlueGreen.Core.Secrets;

namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// Reads each PEM kind operators bring into an RSA key, and turns every way it can go wrong
/// into a message that says what the key is and how to get a usable one.
/// </summary>
internal static class PrivateKeyImport
{
    public static void Into(RSA rsa, string label, byte[] der, Sensitive? passphrase, string source)
    {
        try
        {
            switch (label)
            {
                case KeyPem.Pkcs8:
                    KeyPem.RequireRsa(der, isPrivateKeyInfo: true, source);
                    rsa.ImportPkcs8PrivateKey(der, out _);
                    return;
                case KeyPem.Pkcs1Private:
                    rsa.ImportRSAPrivateKey(der, out _);
                    return;
                case KeyPem.EncryptedPkcs8:
                    ImportEncrypted(rsa, der, passphrase, source);
                    return;
                case "OPENSSH PRIVATE KEY":
                    throw new MfaInputException($"{source} is in OpenSSH's own key format; convert a copy to PKCS#8 PEM with 'ssh-keygen -p -m PKCS8 -f <copy>', or make a key with 'hsm-rotate mfa keygen'.");
                case KeyPem.SubjectPublicKeyInfo or KeyPem.Pkcs1Public:
                    throw new MfaInputException($"{source} is a public key; signing needs the private key (the .key file).");
                default:
                    var kind = label.Replace(" PRIVATE KEY", string.Empty, StringComparison.Ordinal);
                    throw new MfaInputException(KeyPem.NotRsa(source, kind));
            }
        }
        catch (CryptographicException e)
        {
            throw new MfaInputException($"{source} is not a readable RSA private key; give the .key file from 'hsm-rotate mfa keygen' or 'openssl genrsa'.", e);
        }
    }

    private static void ImportEncrypted(RSA rsa, byte[] der, Sensitive? passphrase, string source)
    {
        if (passphrase is null)
        {
            throw new MfaInputException($"{source} is encrypted and no passphrase was given; name an environment variable holding it with --passphrase-env, or type it at the prompt.");
        }

        try
        {
            rsa.ImportEncryptedPkcs8PrivateKey(passphrase.Reveal(), der, out _);
        }
        catch (CryptographicException e)
        {
            // The decrypted key may simply be of another kind; say so rather than blame the passphrase.
            var other = OtherAlgorithm(der, passphrase);
            throw new MfaInputException(
                other is null
                    ? $"{source} could not be decrypted with the passphrase given; check the passphrase (and that it is an RSA key)."
                    : KeyPem.NotRsa(source, other),
                e);
        }
    }

    // EC is the other kind openssl makes on request; each try costs a full key derivation, so only it is tried.
    private static string? OtherAlgorithm(byte[] der, Sensitive passphrase)
    {
        using var ec = ECDsa.Create();
        return TryImport(() => ec.ImportEncryptedPkcs8PrivateKey(passphrase.Reveal(), der, out _)) ? "EC" : null;
    }

    private static bool TryImport(Action import)
    {
        try
        {
            import();
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
