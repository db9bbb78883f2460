using HsmBlueGreen.Core.Tests.Mfa;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>
/// Every bad input the issue lists: one line naming what and how to fix it, exit 2, the file
/// byte-for-byte as it was, and no key, passphrase or signature in anything printed.
/// </summary>
public sealed class MfaBadInputTests : IDisposable
{
    private readonly MfaWorkspace workspace = new();

    public MfaBadInputTests()
    {
        workspace.Environment["MFA_PASS"] = TestKeys.Passphrase;
        TestKeys.WriteSigningPair(workspace, "k");
        TestKeys.WriteOtherPair(workspace, "other");
        workspace.Write("locked.key", TestKeys.EncryptedSigningKeyPem);
    }

    [Fact]
    public Task MalformedJsonIsRefused() => AssertRefusedAsync(
        "t.json",
        "{\"version\": \"2.0\", \"tokens\": [",
        "t.json is not valid JSON (line 1, column 31); use the file exactly as the HSM tool wrote it.",
        "mfa", "sign", "--tokens", "t.json", "--key", "k.key");

    [Fact]
    public Task AnUnknownTokenFileVersionIsRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(2).Replace("\"2.0\"", "\"3.0\"", StringComparison.Ordinal),
        "t.json has '3.0' as \"version\"; only \"2.0\" (the CloudHSM CLI) is known. Check that the file comes from the CloudHSM CLI.",
        "mfa", "sign", "--tokens", "t.json", "--key", "k.key");

    [Fact]
    public Task AnUnknownAuthDataVersionIsRefused() => AssertRefusedAsync(
        "authdata",
        MfaSamples.AuthDataFile(2).Replace("\"1.0\"", "\"2.0\"", StringComparison.Ordinal),
        "authdata has '2.0' as \"Version\"; only \"1.0\" (cloudhsm_mgmt_util) is known. Check that the file comes from cloudhsm_mgmt_util.",
        "mfa", "sign", "--authdata", "authdata", "--key", "k.key");

    [Fact]
    public Task ATokenThatIsNotBase64IsRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(3).Replace(MfaSamples.Digest(1), "not-base64!", StringComparison.Ordinal),
        "t.json: token 2 of 3 (\"unsigned\") is not valid base64; use the file exactly as the HSM tool wrote it.",
        "mfa", "sign", "--tokens", "t.json", "--key", "k.key");

    [Fact]
    public Task ATokenThatIsNot32BytesIsRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(3).Replace(MfaSamples.Digest(2), Convert.ToBase64String(new byte[20]), StringComparison.Ordinal),
        "t.json: token 3 of 3 (\"unsigned\") decodes to 20 bytes, not the 32 of a SHA-256 digest; use the file exactly as the HSM tool wrote it.",
        "mfa", "sign", "--tokens", "t.json", "--key", "k.key");

    [Fact]
    public Task AnAuthDataDigestThatIsNot32BytesIsRefused() => AssertRefusedAsync(
        "authdata",
        MfaSamples.AuthDataFile(2).Replace(MfaSamples.Digest(0), Convert.ToBase64String(new byte[64]), StringComparison.Ordinal),
        "authdata: entry 1 of 2 (hsm-0abcdefghij) (\"Digest\") decodes to 64 bytes, not the 32 of a SHA-256 digest; use the file exactly as the HSM tool wrote it.",
        "mfa", "sign", "--authdata", "authdata", "--key", "k.key");

    [Fact]
    public Task AKeyThatIsNotRsaIsRefused()
    {
        workspace.MustOpenssl("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "ec.key");
        return AssertRefusedAsync(
            "t.json",
            MfaSamples.TokenFile(1),
            "ec.key is an EC key; CloudHSM MFA needs RSA 2048 (make one with 'hsm-rotate mfa keygen' or 'openssl genrsa 2048').",
            "mfa", "sign", "--tokens", "t.json", "--key", "ec.key");
    }

    [Fact]
    public Task AnEd25519KeyIsRefused()
    {
        workspace.MustOpenssl("genpkey", "-algorithm", "ED25519", "-out", "ed.key");
        return AssertRefusedAsync(
            "t.json",
            MfaSamples.TokenFile(1),
            "ed.key is an Ed25519 key; CloudHSM MFA needs RSA 2048 (make one with 'hsm-rotate mfa keygen' or 'openssl genrsa 2048').",
            "mfa", "sign", "--tokens", "t.json", "--key", "ed.key");
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
    public Task AnAlreadySignedTokenFileIsRefusedWithoutForce() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(3, i => i < 2 ? "c2lnbmVk" : string.Empty),
        "t.json is already signed (2 of 3 signatures present); pass --force to sign it again.",
        "mfa", "sign", "--tokens", "t.json", "--key", "k.key");

    [Fact]
    public Task AnAlreadySignedAuthDataFileIsRefusedWithoutForce() => AssertRefusedAsync(
        "authdata",
        MfaSamples.AuthDataFile(1, signature: _ => "c2lnbmVk"),
        "authdata is already signed (1 of 1 signatures present); pass --force to sign it again.",
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
    public Task TwoFilesToSignAreRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(1),
        "give exactly one of --tokens <file> (CloudHSM CLI token file) or --authdata <file> (cloudhsm_mgmt_util authdata file).",
        "mfa", "sign", "--tokens", "t.json", "--authdata", "t.json", "--key", "k.key");

    [Fact]
    public Task AMissingKeyFileIsRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(1),
        "nope.key does not exist; check the path.",
        "mfa", "sign", "--tokens", "t.json", "--key", "nope.key");

    [Fact]
    public Task AMalformedFileIsBadInputForVerifyToo() => AssertRefusedAsync(
        "t.json",
        "[]",
        "t.json is not a JSON object; use the file exactly as the HSM tool wrote it.",
        "mfa", "verify", "--tokens", "t.json", "--public-key", "k.pub");

    [Fact]
    public Task APrivateKeyGivenAsThePublicKeyIsRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(1),
        "k.key holds a \"PRIVATE KEY\", not a public key; give the .pub file (make it with 'openssl pkey -in k.key -pubout').",
        "mfa", "verify", "--tokens", "t.json", "--public-key", "k.key");

    [Fact]
    public async Task AnUnknownSubcommandIsRefused()
    {
        var run = await workspace.RunAsync("mfa", "rotate");

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.Equal("hsm-rotate mfa: unknown subcommand 'rotate'; use keygen, sign or verify.\n", run.Error.ReplaceLineEndings("\n"));
    }

    public void Dispose() => workspace.Dispose();

    private async Task<CliRun> AssertRefusedAsync(string file, string content, string message, params string[] args)
    {
        workspace.Write(file, content);
        var before = workspace.Bytes(file);

        var run = await workspace.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.ExitCode);
        Assert.EndsWith($"hsm-rotate mfa: {message}\n", run.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(before, workspace.Bytes(file));
        Assert.Empty(Directory.GetFiles(workspace.Root, "*.tmp"));
        SecretAssert.NothingSecretIn(workspace, run);
        return run;
    }
}
