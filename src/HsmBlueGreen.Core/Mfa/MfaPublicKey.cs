using System.Security.Cryptography;

namespace HsmBlueGreen.Core.Mfa;

/// <summary>The public half of an MFA key: checks signatures, and is what an HSM registers for a user.</summary>
public sealed class MfaPublicKey : IDisposable
{
    private readonly RSA rsa;

    private MfaPublicKey(RSA rsa, string source)
    {
        this.rsa = rsa;
        Source = source;
    }

    /// <summary>Where the key came from, for messages (e.g. the file name).</summary>
    public string Source { get; }

    /// <summary>Reads a SubjectPublicKeyInfo ("PUBLIC KEY") or PKCS#1 ("RSA PUBLIC KEY") PEM.</summary>
    public static MfaPublicKey FromPem(string pem, string source)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var block = KeyPem.FindKey(pem)
            ?? throw new MfaInputException($"{source} holds no PEM public key (-----BEGIN PUBLIC KEY-----); give the .pub file, e.g. from 'openssl rsa -in k.key -pubout'.");
        var rsa = RSA.Create();
        try
        {
            switch (block.Label)
            {
                case KeyPem.SubjectPublicKeyInfo:
                    KeyPem.RequireRsa(block.Der, isPrivateKeyInfo: false, source);
                    rsa.ImportSubjectPublicKeyInfo(block.Der, out _);
                    break;
                case KeyPem.Pkcs1Public:
                    rsa.ImportRSAPublicKey(block.Der, out _);
                    break;
                default:
                    // Never echo a private key's contents; its label is enough to say what went wrong.
                    throw new MfaInputException($"{source} holds a \"{block.Label}\", not a public key; give the .pub file (make it with 'openssl pkey -in k.key -pubout').");
            }

            KeyRules.RequireStrength(rsa, source);
            return new MfaPublicKey(rsa, source);
        }
        catch (CryptographicException e)
        {
            rsa.Dispose();
            throw new MfaInputException($"{source} is not a readable RSA public key; give the .pub file as written by 'hsm-rotate mfa keygen' or 'openssl pkey -pubout'.", e);
        }
        catch
        {
            rsa.Dispose();
            throw;
        }
    }

    internal static MfaPublicKey Of(RSA privateKey, string source)
    {
        var rsa = RSA.Create();
        rsa.ImportParameters(privateKey.ExportParameters(includePrivateParameters: false));
        return new MfaPublicKey(rsa, source);
    }

    public int KeySizeBits => rsa.KeySize;

    public bool Verify(MfaDigest digest, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(digest);
        return rsa.VerifyHash(digest.Bytes, signature, KeyRules.Hash, KeyRules.Padding);
    }

    public bool SameKeyAs(MfaPublicKey other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var mine = rsa.ExportParameters(includePrivateParameters: false);
        var theirs = other.rsa.ExportParameters(includePrivateParameters: false);
        return mine.Modulus.AsSpan().SequenceEqual(theirs.Modulus) && mine.Exponent.AsSpan().SequenceEqual(theirs.Exponent);
    }

    /// <summary>SubjectPublicKeyInfo PEM, the form both CloudHSM tools take.</summary>
    public string ToPem() => rsa.ExportSubjectPublicKeyInfoPem();

    public void Dispose() => rsa.Dispose();
}
