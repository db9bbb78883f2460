using HsmBlueGreen.Core.Tests.Mfa;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>
/// Token and authdata files the HSM tools would not have written, or already signed: one line naming what and how to fix it, exit 2, the file byte-for-byte as it
/// was, and no key, passphrase or signature in anything printed.
/// </summary>
public sealed class MfaBadFileTests : IDisposable
{
    private readonly MfaWorkspace workspace = MfaWorkspace.WithTestKeys();

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
    public Task TwoFilesToSignAreRefused() => AssertRefusedAsync(
        "t.json",
        MfaSamples.TokenFile(1),
        "give exactly one of --tokens <file> (CloudHSM CLI token file) or --authdata <file> (cloudhsm_mgmt_util authdata file).",
        "mfa", "sign", "--tokens", "t.json", "--authdata", "t.json", "--key", "k.key");

    [Fact]
    public Task AMalformedFileIsBadInputForVerifyToo() => AssertRefusedAsync(
        "t.json",
        "[]",
        "t.json is not a JSON object; use the file exactly as the HSM tool wrote it.",
        "mfa", "verify", "--tokens", "t.json", "--public-key", "k.pub");

    public void Dispose() => workspace.Dispose();

    private Task<CliRun> AssertRefusedAsync(string file, string content, string message, params string[] args) =>
        Refusal.AssertAsync(workspace, file, content, message, args);
}
