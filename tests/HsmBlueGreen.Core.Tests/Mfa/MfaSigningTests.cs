using System.Security.Cryptography;
using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Mfa;

namespace HsmBlueGreen.Core.Tests.Mfa;

public sealed class MfaSigningTests
{
    [Fact]
    public void EachTokenIsSignedAsADigestWithPkcs1V15Sha256()
    {
        using var key = MfaPrivateKey.FromPem(MfaSamples.SigningKeyPem, passphrase: null, "k.key");
        var file = TokenFile.Parse(MfaSamples.TokenFile(3), "t.json");

        var signed = JsonNode.Parse(MfaSigning.Sign(file, "t.json", key, publicKey: null, force: false))!;

        // PKCS#1 v1.5 is deterministic, so the independent .NET route must give the same bytes.
        var expected = Enumerable.Range(0, 3).Select(i => MfaSamples.ReferenceSignature(MfaSamples.SigningKey, i));
        Assert.Equal(expected, signed["tokens"]!.AsArray().Select(t => (string?)t!["signed"]));
    }

    [Fact]
    public void TheDigestIsNotHashedASecondTime()
    {
        using var key = MfaPrivateKey.FromPem(MfaSamples.SigningKeyPem, passphrase: null, "k.key");
        var file = TokenFile.Parse(MfaSamples.TokenFile(1), "t.json");

        var signed = JsonNode.Parse(MfaSigning.Sign(file, "t.json", key, publicKey: null, force: false))!;
        var signature = Convert.FromBase64String((string)signed["tokens"]![0]!["signed"]!);

        Assert.False(MfaSamples.SigningKey.VerifyData(MfaSamples.DigestBytes(0), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.True(MfaSamples.SigningKey.VerifyHash(MfaSamples.DigestBytes(0), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void SigningAuthDataWithAPublicKeyWritesItAndEverySignature()
    {
        using var key = MfaPrivateKey.FromPem(MfaSamples.SigningKeyPem, passphrase: null, "k.key");
        using var publicKey = MfaPublicKey.FromPem(MfaSamples.SigningPublicPem, "k.pub");
        var file = AuthDataFile.Parse(MfaSamples.AuthDataFile(2), "authdata");

        var signed = JsonNode.Parse(MfaSigning.Sign(file, "authdata", key, publicKey, force: false))!;

        Assert.Equal(MfaSamples.SigningPublicPem, (string?)signed["PublicKey"]);
        Assert.Equal(MfaSamples.ReferenceSignature(MfaSamples.SigningKey, 1), (string?)signed["Data"]![1]!["Signature"]);
    }

    [Fact]
    public void AnAlreadySignedFileIsRefusedWithoutForce()
    {
        using var key = MfaPrivateKey.FromPem(MfaSamples.SigningKeyPem, passphrase: null, "k.key");
        var file = TokenFile.Parse(MfaSamples.TokenFile(3, i => i == 0 ? "c2ln" : string.Empty), "t.json");

        var error = Assert.Throws<MfaInputException>(() => MfaSigning.Sign(file, "t.json", key, publicKey: null, force: false));

        Assert.Equal("t.json is already signed (1 of 3 signatures present); pass --force to sign it again.", error.Message);
    }

    [Fact]
    public void ForceSignsAnAlreadySignedFileAgain()
    {
        using var key = MfaPrivateKey.FromPem(MfaSamples.SigningKeyPem, passphrase: null, "k.key");
        var file = TokenFile.Parse(MfaSamples.TokenFile(1, _ => "c3RhbGU="), "t.json");

        var signed = JsonNode.Parse(MfaSigning.Sign(file, "t.json", key, publicKey: null, force: true))!;

        Assert.Equal(MfaSamples.ReferenceSignature(MfaSamples.SigningKey, 0), (string?)signed["tokens"]![0]!["signed"]);
    }

    [Fact]
    public void APublicKeyOfAnotherPairIsRefused()
    {
        using var key = MfaPrivateKey.FromPem(MfaSamples.SigningKeyPem, passphrase: null, "k.key");
        using var other = MfaPublicKey.FromPem(MfaSamples.OtherPublicPem, "other.pub");
        var file = AuthDataFile.Parse(MfaSamples.AuthDataFile(1), "authdata");

        var error = Assert.Throws<MfaInputException>(() => MfaSigning.Sign(file, "authdata", key, other, force: false));

        Assert.Equal("other.pub is not the public half of k.key; give the .pub file made with that key.", error.Message);
    }

    [Fact]
    public void AnAuthDataFileRegisteredToAnotherKeyIsRefused()
    {
        using var key = MfaPrivateKey.FromPem(MfaSamples.SigningKeyPem, passphrase: null, "k.key");
        var file = AuthDataFile.Parse(MfaSamples.AuthDataFile(1, publicKey: MfaSamples.OtherPublicPem), "authdata");

        var error = Assert.Throws<MfaInputException>(() => MfaSigning.Sign(file, "authdata", key, publicKey: null, force: false));

        Assert.StartsWith("the PublicKey in authdata is not the public half of k.key;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VerifyPassesEverySignatureMadeWithThePair()
    {
        var file = TokenFile.Parse(MfaSamples.TokenFile(3, i => MfaSamples.ReferenceSignature(MfaSamples.SigningKey, i)), "t.json");
        using var publicKey = MfaPublicKey.FromPem(MfaSamples.SigningPublicPem, "k.pub");

        var checks = MfaSigning.Verify(file, publicKey);

        Assert.All(checks, c => Assert.Equal(MfaCheckOutcome.Valid, c.Outcome));
        Assert.Equal(3, checks.Count);
    }

    [Fact]
    public void VerifyNamesEachWayASignatureCanFail()
    {
        var signatures = new[]
        {
            MfaSamples.ReferenceSignature(MfaSamples.SigningKey, 0),
            string.Empty,
            "not*base64",
            MfaSamples.ReferenceSignature(MfaSamples.OtherKey, 3),
            MfaSamples.ReferenceSignature(MfaSamples.SigningKey, 0),
            "c2ln",
        };
        var file = AuthDataFile.Parse(MfaSamples.AuthDataFile(6, signature: i => signatures[i]), "authdata");
        using var publicKey = MfaPublicKey.FromPem(MfaSamples.SigningPublicPem, "k.pub");

        var checks = MfaSigning.Verify(file, publicKey);

        Assert.Equal(
            [MfaCheckOutcome.Valid, MfaCheckOutcome.NotSigned, MfaCheckOutcome.NotBase64, MfaCheckOutcome.DoesNotMatch, MfaCheckOutcome.DoesNotMatch, MfaCheckOutcome.DoesNotMatch],
            checks.Select(c => c.Outcome));
    }
}
