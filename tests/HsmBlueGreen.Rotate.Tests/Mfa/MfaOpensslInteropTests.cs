using HsmBlueGreen.Core.Tests.Mfa;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>`mfa` against openssl, the tool operators use today: each side accepts the other's keys and signatures.</summary>
public sealed class MfaOpensslInteropTests : IDisposable
{
    private readonly MfaWorkspace workspace = new();

    [Fact]
    public async Task SignedTokensVerifyWithOpenssl()
    {
        await KeygenAsync("k");
        workspace.Write("t.json", MfaSamples.TokenFile(3));

        var run = await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "k.key");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.All(OpensslSigning.Entries(workspace.Read("t.json")), e => Assert.True(OpensslSigning.VerifiedOk(OpensslSigning.Verify(workspace, e.Digest, e.Signature, "k.pub"))));
    }

    [Fact]
    public async Task SignedAuthDataVerifiesWithOpenssl()
    {
        await KeygenAsync("k");
        workspace.Write("authdata", MfaSamples.AuthDataFile(2));

        var run = await workspace.RunAsync("mfa", "sign", "--authdata", "authdata", "--key", "k.key", "--public-key", "k.pub");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.All(OpensslSigning.Entries(workspace.Read("authdata")), e => Assert.True(OpensslSigning.VerifiedOk(OpensslSigning.Verify(workspace, e.Digest, e.Signature, "k.pub"))));
    }

    [Fact]
    public async Task OpensslRejectsOurSignatureUnderAnotherKey()
    {
        await KeygenAsync("k");
        await KeygenAsync("other");
        workspace.Write("t.json", MfaSamples.TokenFile(1));
        await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "k.key");

        var entry = OpensslSigning.Entries(workspace.Read("t.json"))[0];

        Assert.False(OpensslSigning.VerifiedOk(OpensslSigning.Verify(workspace, entry.Digest, entry.Signature, "other.pub")));
    }

    [Fact]
    public async Task OpensslSignaturesVerifyWithMfaVerify()
    {
        workspace.MustOpenssl("genrsa", "-out", "k.key", "2048");
        workspace.MustOpenssl("rsa", "-in", "k.key", "-outform", "PEM", "-pubout", "-out", "k.pub");
        var signatures = Enumerable.Range(0, 3).Select(i => OpensslSigning.Sign(workspace, MfaSamples.DigestBytes(i), "k.key")).ToList();
        workspace.Write("t.json", MfaSamples.TokenFile(3, i => signatures[i]));

        var run = await workspace.RunAsync("mfa", "verify", "--tokens", "t.json", "--public-key", "k.pub");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.Equal("token 1 of 3: ok\ntoken 2 of 3: ok\ntoken 3 of 3: ok\nall 3 signatures in t.json verify with k.pub.\n", run.Out.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task OurSignatureIsByteForByteOpensslsSignature()
    {
        workspace.MustOpenssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "k.key");
        workspace.Write("authdata", MfaSamples.AuthDataFile(1));

        await workspace.RunAsync("mfa", "sign", "--authdata", "authdata", "--key", "k.key");

        // PKCS#1 v1.5 is deterministic: the same key and digest give the same bytes when the scheme is the same.
        Assert.Equal(OpensslSigning.Sign(workspace, MfaSamples.DigestBytes(0), "k.key"), OpensslSigning.Entries(workspace.Read("authdata"))[0].Signature);
    }

    [Theory]
    [InlineData("genrsa", new[] { "genrsa", "-out", "k.key", "2048" })]
    [InlineData("genrsa traditional", new[] { "genrsa", "-traditional", "-out", "k.key", "2048" })]
    [InlineData("genpkey", new[] { "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "k.key" })]
    [InlineData("genpkey encrypted", new[] { "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-aes-256-cbc", "-pass", "pass:open sesame", "-out", "k.key" })]
    [InlineData("genrsa encrypted", new[] { "genrsa", "-aes256", "-passout", "pass:open sesame", "-out", "k.key", "2048" })]
    public async Task KeysOpensslGeneratesSignInOurs(string kind, string[] generate)
    {
        workspace.MustOpenssl(generate);
        workspace.MustOpenssl("pkey", "-in", "k.key", "-passin", "pass:open sesame", "-pubout", "-out", "k.pub");
        workspace.Environment["MFA_PASSPHRASE"] = "open sesame";
        workspace.Write("t.json", MfaSamples.TokenFile(2));

        var sign = await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "k.key", "--passphrase-env", "MFA_PASSPHRASE");

        Assert.True(sign.Exit == ExitCodes.Done, $"{kind}: {sign.Error}");
        Assert.All(OpensslSigning.Entries(workspace.Read("t.json")), e => Assert.True(OpensslSigning.VerifiedOk(OpensslSigning.Verify(workspace, e.Digest, e.Signature, "k.pub"))));
    }

    [Fact]
    public async Task AKeyEncryptedWithOpensslPkcs8V2LoadsInOurs()
    {
        workspace.MustOpenssl("genrsa", "-out", "plain.key", "2048");
        workspace.MustOpenssl("pkcs8", "-topk8", "-v2", "aes-256-cbc", "-in", "plain.key", "-passout", "pass:s3cret", "-out", "k.key");
        workspace.MustOpenssl("pkey", "-in", "plain.key", "-pubout", "-out", "k.pub");
        workspace.Write("authdata", MfaSamples.AuthDataFile(1));
        workspace.Input = "s3cret\n";

        var sign = await workspace.RunAsync("mfa", "sign", "--authdata", "authdata", "--key", "k.key", "--public-key", "k.pub");

        Assert.Equal(ExitCodes.Done, sign.Exit);
        Assert.Equal(ExitCodes.Done, (await workspace.RunAsync("mfa", "verify", "--authdata", "authdata", "--public-key", "k.pub")).Exit);
    }

    [Fact]
    public async Task OurKeyLoadsInOpensslAsRsa2048WithTheSamePublicKey()
    {
        await KeygenAsync("k");

        var text = workspace.MustOpenssl("rsa", "-in", "k.key", "-text", "-noout");
        var publicPem = workspace.MustOpenssl("pkey", "-in", "k.key", "-pubout");

        Assert.Contains("Private-Key: (2048 bit, 2 primes)", text, StringComparison.Ordinal);
        Assert.Equal(workspace.Read("k.pub"), publicPem);
    }

    [Fact]
    public async Task OurEncryptedKeyLoadsInOpensslOnlyWithItsPassphrase()
    {
        workspace.Environment["KEY_PASS"] = "a long passphrase";
        await KeygenAsync("k", "--passphrase-env", "KEY_PASS");

        var withPassphrase = workspace.MustOpenssl("pkey", "-in", "k.key", "-passin", "env:KEY_PASS", "-pubout");
        var withWrong = workspace.Openssl("pkey", "-in", "k.key", "-passin", "pass:wrong", "-pubout");

        Assert.Equal(workspace.Read("k.pub"), withPassphrase);
        Assert.NotEqual(0, withWrong.ExitCode);
        Assert.StartsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----", workspace.Read("k.key"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OpensslLegacyEncryptedKeysAreRefusedWithTheConversionCommand()
    {
        workspace.MustOpenssl("genrsa", "-traditional", "-aes256", "-passout", "pass:pw", "-out", "old.key", "2048");
        workspace.Write("t.json", MfaSamples.TokenFile(1));
        workspace.Environment["PW"] = "pw";

        var run = await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "old.key", "--passphrase-env", "PW");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Contains("openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out new.key", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();

    private async Task KeygenAsync(string name, params string[] options)
    {
        var run = await workspace.RunAsync(["mfa", "keygen", "--out", name, .. options]);
        Assert.True(run.Exit == ExitCodes.Done, run.Error);
    }
}
