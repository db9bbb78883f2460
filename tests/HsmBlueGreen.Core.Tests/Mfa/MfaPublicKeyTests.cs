using System.Security.Cryptography;
using HsmBlueGreen.Core.Mfa;

namespace HsmBlueGreen.Core.Tests.Mfa;

public sealed class MfaPublicKeyTests
{
    [Fact]
    public void ASubjectPublicKeyInfoPemLoadsAndWritesBackTheSame()
    {
        using var key = MfaPublicKey.FromPem(MfaSamples.SigningPublicPem, "k.pub");

        Assert.Equal(MfaSamples.SigningPublicPem, key.ToPem());
    }

    [Fact]
    public void APkcs1PublicKeyPemLoads()
    {
        using var key = MfaPublicKey.FromPem(MfaSamples.SigningKey.ExportRSAPublicKeyPem(), "k.pub");
        using var reference = MfaPublicKey.FromPem(MfaSamples.SigningPublicPem, "k.pub");

        Assert.True(key.SameKeyAs(reference));
    }

    [Fact]
    public void KeysOfDifferentPairsAreNotTheSame()
    {
        using var mine = MfaPublicKey.FromPem(MfaSamples.SigningPublicPem, "a.pub");
        using var other = MfaPublicKey.FromPem(MfaSamples.OtherPublicPem, "b.pub");

        Assert.False(mine.SameKeyAs(other));
    }

    [Fact]
    public void APrivateKeyGivenAsThePublicKeyIsRefusedWithoutQuotingIt()
    {
        var pem = MfaSamples.SigningKeyPem;

        var error = Assert.Throws<MfaInputException>(() => MfaPublicKey.FromPem(pem, "k.key"));

        Assert.Equal("k.key holds a \"PRIVATE KEY\", not a public key; give the .pub file (make it with 'openssl pkey -in k.key -pubout').", error.Message);
    }

    [Fact]
    public void AnEcPublicKeyIsRefusedAsNotRsa()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var error = Assert.Throws<MfaInputException>(() => MfaPublicKey.FromPem(ec.ExportSubjectPublicKeyInfoPem(), "ec.pub"));

        Assert.StartsWith("ec.pub is an EC key;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AShortRsaPublicKeyIsRefused()
    {
        using var weak = RSA.Create(1024);

        var error = Assert.Throws<MfaInputException>(() => MfaPublicKey.FromPem(weak.ExportSubjectPublicKeyInfoPem(), "weak.pub"));

        Assert.StartsWith("weak.pub is a 1024-bit RSA key;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TextWithoutAPemKeyIsRefused()
    {
        var error = Assert.Throws<MfaInputException>(() => MfaPublicKey.FromPem("{}", "k.pub"));

        Assert.StartsWith("k.pub holds no PEM public key", error.Message, StringComparison.Ordinal);
    }
}
