using System.Runtime.Versioning;
using HsmBlueGreen.Core.Tests.Mfa;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>keygen, sign and verify end to end, for clusters of one, three and six HSMs.</summary>
public sealed class MfaRoundTripTests : IDisposable
{
    private readonly MfaWorkspace workspace = new();

    public static TheoryData<string, int> Files => new()
    {
        { "tokens", 1 },
        { "tokens", 3 },
        { "tokens", 6 },
        { "authdata", 1 },
        { "authdata", 3 },
        { "authdata", 6 },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task EveryEntrySignedInPlaceVerifiesWithUsAndWithOpenssl(string kind, int count)
    {
        await workspace.RunAsync("mfa", "keygen", "--out", "k");
        workspace.Write("f.json", Sample(kind, count));

        var sign = await workspace.RunAsync("mfa", "sign", $"--{kind}", "f.json", "--key", "k.key");
        var verify = await workspace.RunAsync("mfa", "verify", $"--{kind}", "f.json", "--public-key", "k.pub");

        Assert.Equal(ExitCodes.Done, sign.Exit);
        Assert.Equal(ExitCodes.Done, verify.Exit);
        Assert.Equal(count + 1, verify.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(count, verify.Out.Split('\n').Count(l => l.EndsWith(": ok", StringComparison.Ordinal)));
        var entries = OpensslSigning.Entries(workspace.Read("f.json"));
        Assert.Equal(count, entries.Count);
        Assert.All(entries, e => Assert.True(OpensslSigning.VerifiedOk(OpensslSigning.Verify(workspace, e.Digest, e.Signature, "k.pub"))));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task SigningToOutLeavesTheInputAsItWas(string kind, int count)
    {
        TestKeys.WriteSigningPair(workspace, "k");
        workspace.Write("f.json", Sample(kind, count));
        var before = workspace.Bytes("f.json");

        var sign = await workspace.RunAsync("mfa", "sign", $"--{kind}", "f.json", "--key", "k.key", "--out", "signed.json");

        Assert.Equal(ExitCodes.Done, sign.Exit);
        Assert.Equal(before, workspace.Bytes("f.json"));
        Assert.Equal(ExitCodes.Done, (await workspace.RunAsync("mfa", "verify", $"--{kind}", "signed.json", "--public-key", "k.pub")).Exit);
    }

    [Fact]
    public async Task SignReportsWhatItDidWithoutTheSignatures()
    {
        TestKeys.WriteSigningPair(workspace, "k");
        workspace.Write("authdata", MfaSamples.AuthDataFile(3));

        var sign = await workspace.RunAsync("mfa", "sign", "--authdata", "authdata", "--key", "k.key", "--public-key", "k.pub");

        Assert.Equal("signed all 3 digests in authdata with k.key and set its PublicKey from k.pub; wrote authdata.\n", sign.Out.ReplaceLineEndings("\n"));
        Assert.Equal(string.Empty, sign.Error);
        SecretAssert.NothingSecretIn(workspace, sign);
    }

    [Fact]
    public async Task ForceSignsAnAlreadySignedFileAgain()
    {
        TestKeys.WriteSigningPair(workspace, "k");
        workspace.Write("t.json", MfaSamples.TokenFile(2, _ => "c3RhbGU="));

        var sign = await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "k.key", "--force");

        Assert.Equal(ExitCodes.Done, sign.Exit);
        Assert.Equal(ExitCodes.Done, (await workspace.RunAsync("mfa", "verify", "--tokens", "t.json", "--public-key", "k.pub")).Exit);
    }

    [Fact]
    public async Task AnEncryptedKeysPassphraseCanBeTypedAtThePrompt()
    {
        workspace.Input = "typed passphrase\ntyped passphrase\n";
        await workspace.RunAsync("mfa", "keygen", "--out", "k", "--encrypt");
        workspace.Write("t.json", MfaSamples.TokenFile(1));
        workspace.Input = "typed passphrase\n";

        var sign = await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "k.key");

        Assert.Equal(ExitCodes.Done, sign.Exit);
        Assert.Equal("Passphrase for k.key: \n", sign.Error.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("typed passphrase", sign.Output, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Done, (await workspace.RunAsync("mfa", "verify", "--tokens", "t.json", "--public-key", "k.pub")).Exit);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task RewritingInPlaceKeepsTheFilesMode()
    {
        TestKeys.WriteSigningPair(workspace, "k");
        workspace.Write("t.json", MfaSamples.TokenFile(1));
        var mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(workspace.PathOf("t.json"), mode);

        await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "k.key");

        Assert.Equal(mode, File.GetUnixFileMode(workspace.PathOf("t.json")));
        Assert.Empty(Directory.GetFiles(workspace.Root, "*.tmp"));
    }

    public void Dispose() => workspace.Dispose();

    private static string Sample(string kind, int count) => kind == "tokens" ? MfaSamples.TokenFile(count) : MfaSamples.AuthDataFile(count);
}
