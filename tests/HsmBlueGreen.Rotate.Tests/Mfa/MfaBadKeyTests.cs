using HsmBlueGreen.Core.Tests.Mfa;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>
/// Keys, passphrases and key files that cannot be used: one line naming what and how to fix it, exit 2, the file byte-for-byte as it
/// was, and no key, passphrase or signature in anything printed.
/// </summary>
public sealed class MfaBadKeyTests : IDisposable
{
    private readonly MfaWorkspace workspace = MfaWorkspace.WithTestKeys();

    [Theory]
    [InlineData("an EC", "EC", "ec_paramgen_curve:P-256")]
    [InlineData("an Ed25519", "ED25519", null)]
    [InlineData("an RSA-PSS", "RSA-PSS", "rsa_keygen_bits:2048")]
    public Task AKeyThatIsNotPlainRsaIsRefusedByName(string kind, string algorithm, string? option)
    {
        workspace.MustOpenssl(["genpkey", "-algorithm", algorithm, .. option is null ? Array.Empty<string>() : ["-pkeyopt", option], "-out", "other-kind.key"]);
        return AssertRefusedAsync(
            "t.json",
            MfaSamples.TokenFile(1),
            $"other-kind.key is {kind} key; CloudHSM MFA needs RSA 2048 (make one with 'hsm-rotate mfa keygen' or 'openssl genrsa 2048').",
            "mfa", "sign", "--tokens", "t.json", "--key", "other-kind.key");
    }

    [Fact]
    public Task AKeyShorterThan2048BitsIsRefused()
    {
        workspace.MustOpenssl("genrsa", "-out", "short.key", "1024");
        return AssertRefusedAsync(
            "t.json",
            MfaSamples.TokenFile(1),
            "short.key is a 1024-bit RSA key; CloudHSM MFA needs at least 2048 bits (make one with 'hsm-rotate mfa keygen').",
            "mfa", "sign", "--tokens", "t.json", "--key", "short.key");
    }

    [Fact]
    public async Task AnEncryptedKeyWithoutItsPassphraseIsRefused()
    {
        var run = await AssertRefusedAsync(
            "t.json",
            MfaSamples.TokenFile(1),
            "locked.key is encrypted and no passphrase was given; name an environment variable holding it with --passphrase-env, or type it at the prompt.",
            "mfa", "sign", "--tokens", "t.json", "--key", "locked.key");

        Assert.StartsWith("Passphrase for locked.key: ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongPassphraseIsRefused()
    {
        workspace.Environment["WRONG"] = "not-the-passphrase";

        await AssertRefusedAsync(
            "t.json",
            MfaSamples.TokenFile(1),
            "locked.key could not be decrypted with the passphrase given; check the passphrase (and that it is an RSA key).",
            "mfa", "sign", "--tokens", "t.json", "--key", "locked.key", "--passphrase-env", "WRONG");
    }

    [Fact]
    public Task APassphraseVariableThatIsNotSetIsRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(1),
        "--passphrase-env names MISSING, which is not set; export it first, or leave --passphrase-env out to be prompted.",
        "mfa", "sign", "--tokens", "t.json", "--key", "k.key", "--passphrase-env", "MISSING");

    [Fact]
    public Task APublicKeyThatDoesNotMatchThePrivateKeyIsRefused() => AssertRefusedAsync(
        "authdata",
        MfaSamples.AuthDataFile(2),
        "other.pub is not the public half of k.key; give the .pub file made with that key.",
        "mfa", "sign", "--authdata", "authdata", "--key", "k.key", "--public-key", "other.pub");

    [Fact]
    public Task AnAuthDataFileRegisteredToAnotherKeyIsRefused() => AssertRefusedAsync(
        "authdata",
        MfaSamples.AuthDataFile(2, publicKey: workspace.Read("other.pub")),
        "the PublicKey in authdata is not the public half of k.key; sign with the key registered for this user, or give --public-key to replace it.",
        "mfa", "sign", "--authdata", "authdata", "--key", "k.key");

    [Fact]
    public async Task KeygenRefusesToOverwriteAnExistingKey()
    {
        var run = await AssertRefusedAsync(
            "k.key",
            workspace.Read("k.key"),
            "k.key and k.pub already exist; choose another --out or pass --force to replace.",
            "mfa", "keygen", "--out", "k");

        Assert.Equal(string.Empty, run.Out);
    }

    [Fact]
    public async Task KeygenRefusesWhenOnlyThePublicKeyExists()
    {
        await AssertRefusedAsync(
            "lone.pub",
            workspace.Read("other.pub"),
            "lone.pub already exists; choose another --out or pass --force to replace.",
            "mfa", "keygen", "--out", "lone");

        Assert.False(File.Exists(workspace.PathOf("lone.key")));
    }

    [Fact]
    public Task AMissingKeyFileIsRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(1),
        "nope.key does not exist; check the path.",
        "mfa", "sign", "--tokens", "t.json", "--key", "nope.key");

    [Fact]
    public Task APrivateKeyGivenAsThePublicKeyIsRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(1),
        "k.key holds a \"PRIVATE KEY\", not a public key; give the .pub file (make it with 'openssl pkey -in k.key -pubout').",
        "mfa", "verify", "--tokens", "t.json", "--public-key", "k.key");

    public void Dispose() => workspace.Dispose();

    private Task<CliRun> AssertRefusedAsync(string file, string content, string message, params string[] args) =>
        Refusal.AssertAsync(workspace, file, content, message, args);
}
