using System.Security.Cryptography;
using HsmBlueGreen.Core.Mfa;
using HsmBlueGreen.Core.Secrets;

namespace HsmBlueGreen.Core.Tests.Mfa;

public sealed class MfaPrivateKeyTests
{
    private static readonly Sensitive Passphrase = new("correct horse battery staple");

    [Fact]
    public void AGeneratedKeyIsRsa2048()
    {
        using var key = MfaPrivateKey.Generate("k.key");

        Assert.Equal(2048, key.PublicKey.KeySizeBits);
    }

    [Fact]
    public void AnUnencryptedPemRoundTripsAsPkcs8()
    {
        using var key = MfaPrivateKey.Generate("k.key");

        var pem = key.ToPem(passphrase: null).Reveal();
        using var loaded = MfaPrivateKey.FromPem(pem, passphrase: null, "k.key");

        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.True(loaded.PublicKey.SameKeyAs(key.PublicKey));
    }

    [Fact]
    public void AnEncryptedPemRoundTripsWithItsPassphrase()
    {
        using var key = MfaPrivateKey.Generate("k.key");

        var pem = key.ToPem(Passphrase).Reveal();
        using var loaded = MfaPrivateKey.FromPem(pem, Passphrase, "k.key");

        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", pem, StringComparison.Ordinal);
        Assert.True(MfaPrivateKey.IsEncrypted(pem));
        Assert.True(loaded.PublicKey.SameKeyAs(key.PublicKey));
    }

    [Fact]
    public void APkcs1PemFromOlderOpensslLoads()
    {
        using var loaded = MfaPrivateKey.FromPem(MfaSamples.SigningKey.ExportRSAPrivateKeyPem(), passphrase: null, "k.key");

        Assert.False(MfaPrivateKey.IsEncrypted(MfaSamples.SigningKey.ExportRSAPrivateKeyPem()));
        Assert.Equal(MfaSamples.SigningPublicPem, loaded.PublicKey.ToPem());
    }

    [Fact]
    public void AnEncryptedKeyWithoutItsPassphraseIsRefused()
    {
        var pem = MfaSamples.SigningKey.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1));

        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem(pem, passphrase: null, "k.key"));

        Assert.Equal("k.key is encrypted and no passphrase was given; name an environment variable holding it with --passphrase-env, or type it at the prompt.", error.Message);
    }

    [Fact]
    public void AWrongPassphraseIsRefusedWithoutEchoingIt()
    {
        var pem = MfaSamples.SigningKey.ExportEncryptedPkcs8PrivateKeyPem("right", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1));

        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem(pem, new Sensitive("wrong-passphrase"), "k.key"));

        Assert.Equal("k.key could not be decrypted with the passphrase given; check the passphrase (and that it is an RSA key).", error.Message);
    }

    [Fact]
    public void OpensslLegacyEncryptionIsRefusedWithTheConversionCommand()
    {
        const string pem = "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----\n";

        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem(pem, Passphrase, "old.key"));

        Assert.True(MfaPrivateKey.IsEncrypted(pem));
        Assert.Contains("openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out new.key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnRsaKeyShorterThan2048BitsIsRefused()
    {
        using var weak = RSA.Create(1024);

        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem(weak.ExportPkcs8PrivateKeyPem(), passphrase: null, "weak.key"));

        Assert.Equal("weak.key is a 1024-bit RSA key; CloudHSM MFA needs at least 2048 bits (make one with 'hsm-rotate mfa keygen').", error.Message);
    }

    [Fact]
    public void AnEcKeyIsRefusedAsNotRsa()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem(ec.ExportPkcs8PrivateKeyPem(), passphrase: null, "ec.key"));

        Assert.Equal("ec.key is an EC key; CloudHSM MFA needs RSA 2048 (make one with 'hsm-rotate mfa keygen' or 'openssl genrsa 2048').", error.Message);
    }

    [Fact]
    public void AnEncryptedEcKeyIsRefusedAsNotRsaRatherThanAsAWrongPassphrase()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pem = ec.ExportEncryptedPkcs8PrivateKeyPem("pw", new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1));

        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem(pem, new Sensitive("pw"), "ec.key"));

        Assert.StartsWith("ec.key is an EC key;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ASec1EcKeyIsRefusedAsNotRsa()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem(ec.ExportECPrivateKeyPem(), passphrase: null, "ec.key"));

        Assert.StartsWith("ec.key is an EC key;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APublicKeyGivenAsThePrivateKeyIsRefused()
    {
        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem(MfaSamples.SigningPublicPem, passphrase: null, "k.pub"));

        Assert.Equal("k.pub is a public key; signing needs the private key (the .key file).", error.Message);
    }

    [Fact]
    public void TextWithoutAPemKeyIsRefused()
    {
        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem("hello", passphrase: null, "k.key"));

        Assert.StartsWith("k.key holds no PEM private key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APemWhoseContentIsNotAKeyIsRefusedWithoutQuotingIt()
    {
        const string pem = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0LWJ1dC1ub3QtYS1rZXk=\n-----END PRIVATE KEY-----\n";

        var error = Assert.Throws<MfaInputException>(() => MfaPrivateKey.FromPem(pem, passphrase: null, "k.key"));

        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("k.key is not a readable RSA private key", error.Message, StringComparison.Ordinal);
    }
}
