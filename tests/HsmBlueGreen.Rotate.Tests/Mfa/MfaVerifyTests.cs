using HsmBlueGreen.Core.Tests.Mfa;
using HsmBlueGreen.Rotate.Cli;
using HsmBlueGreen.Rotate.Verbs.Mfa;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>`mfa verify` reports each HSM and exits 1 when any signature fails, without printing signatures.</summary>
public sealed class MfaVerifyTests : IDisposable
{
    private readonly MfaWorkspace workspace = MfaWorkspace.WithTestKeys();

    [Fact]
    public async Task SignaturesCheckedWithAnotherPublicKeyFailEveryHsm()
    {
        workspace.Write("authdata", MfaSamples.AuthDataFile(2));
        await workspace.RunAsync("mfa", "sign", "--authdata", "authdata", "--key", "k.key");

        var run = await workspace.RunAsync("mfa", "verify", "--authdata", "authdata", "--public-key", "other.pub");

        Assert.Equal(MfaCommand.SignatureRejected, run.Exit);
        Assert.Equal(
            "entry 1 of 2 (hsm-0abcdefghij): FAILED: the signature does not match the public key\n" +
            "entry 2 of 2 (hsm-1abcdefghij): FAILED: the signature does not match the public key\n" +
            "2 of 2 signatures in authdata do not verify with other.pub.\n",
            run.Out.ReplaceLineEndings("\n"));
        SecretAssert.NothingSecretIn(workspace, run);
    }

    [Fact]
    public async Task JsonReportsEachHsmsCheckAndTheVerdictAsOneDocument()
    {
        workspace.Write("authdata", MfaSamples.AuthDataFile(2));
        await workspace.RunAsync("mfa", "sign", "--authdata", "authdata", "--key", "k.key");

        var run = await workspace.RunAsync("mfa", "verify", "--authdata", "authdata", "--public-key", "k.pub", "--json");

        using var report = System.Text.Json.JsonDocument.Parse(run.Out);
        var root = report.RootElement;
        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.Equal(("mfa-verify", true, 2), (root.GetProperty("kind").GetString(), root.GetProperty("verified").GetBoolean(), root.GetProperty("checks").GetArrayLength()));
        Assert.All(root.GetProperty("checks").EnumerateArray(), check => Assert.True(check.GetProperty("passed").GetBoolean()));
    }

    [Fact]
    public async Task OneTamperedOrMissingSignatureFailsOnlyItsHsm()
    {
        workspace.Write("t.json", MfaSamples.TokenFile(3));
        await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "k.key");
        var entries = OpensslSigning.Entries(workspace.Read("t.json"));
        var tampered = Convert.FromBase64String(entries[0].Signature);
        tampered[10] ^= 0x01;
        workspace.Write("t.json", MfaSamples.TokenFile(3, i => i switch
        {
            0 => Convert.ToBase64String(tampered),
            1 => entries[1].Signature,
            _ => string.Empty,
        }));

        var run = await workspace.RunAsync("mfa", "verify", "--tokens", "t.json", "--public-key", "k.pub");

        Assert.Equal(MfaCommand.SignatureRejected, run.Exit);
        Assert.Equal(
            "token 1 of 3: FAILED: the signature does not match the public key\n" +
            "token 2 of 3: ok\n" +
            "token 3 of 3: FAILED: not signed\n" +
            "2 of 3 signatures in t.json do not verify with k.pub.\n",
            run.Out.ReplaceLineEndings("\n"));
        SecretAssert.NothingSecretIn(workspace, run);
    }

    [Fact]
    public async Task ASignatureThatIsNotBase64FailsItsHsm()
    {
        workspace.Write("t.json", MfaSamples.TokenFile(1, _ => "%%%"));

        var run = await workspace.RunAsync("mfa", "verify", "--tokens", "t.json", "--public-key", "k.pub");

        Assert.Equal(MfaCommand.SignatureRejected, run.Exit);
        Assert.StartsWith("token 1 of 1: FAILED: the signature is not valid base64\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyNeedsThePublicKey()
    {
        workspace.Write("t.json", MfaSamples.TokenFile(1));

        var run = await workspace.RunAsync("mfa", "verify", "--tokens", "t.json");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Equal("hsm-rotate mfa verify: --public-key is required.\n", run.Error.ReplaceLineEndings("\n"));
    }

    public void Dispose() => workspace.Dispose();
}
