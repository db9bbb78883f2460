using System.Runtime.Versioning;
using HsmBlueGreen.Core.Tests.Mfa;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>The rough edges of `mfa`: each refused with one line that names what the operator gave and the way out.</summary>
public sealed class MfaEdgeTests : IDisposable
{
    private readonly MfaWorkspace workspace = MfaWorkspace.WithTestKeys();

    [Fact]
    public async Task KeygenRefusesAPassphraseShorterThanTwelveCharacters()
    {
        workspace.Input = "short-pass1\nshort-pass1\n";

        var run = await workspace.RunAsync("mfa", "keygen", "--out", "officer", "--encrypt");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.EndsWith("hsm-rotate mfa keygen: the passphrase typed for officer.key has 11 characters; an encrypted key needs 12 or more. Run the command again with a longer one.\n", run.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.False(File.Exists(workspace.PathOf("officer.key")));
    }

    [Fact]
    public async Task ADirectoryGivenAsTheTokenFileIsCalledADirectory()
    {
        Directory.CreateDirectory(workspace.PathOf("tokens"));

        var run = await workspace.RunAsync("mfa", "sign", "--tokens", "tokens", "--key", "k.key");

        Assert.Equal((ExitCodes.BadInput, "hsm-rotate mfa sign: tokens is a directory; name the file inside it.\n"), (run.Exit, run.Error.ReplaceLineEndings("\n")));
    }

    [Fact]
    public async Task AMissingOutputDirectoryIsNamedAsTheUserGaveIt()
    {
        var run = await workspace.RunAsync("mfa", "keygen", "--out", "no/such/dir/k");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Equal("hsm-rotate mfa keygen: cannot write no/such/dir/k.key and no/such/dir/k.pub: the directory no/such/dir does not exist; create it first.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task NoPromptWhenStandardInputIsNotATerminal()
    {
        workspace.InputIsTerminal = false;
        workspace.Input = "piped-passphrase\npiped-passphrase\n";

        var run = await workspace.RunAsync("mfa", "keygen", "--out", "officer", "--encrypt");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Equal("hsm-rotate mfa keygen: standard input is not a terminal, so no passphrase can be typed. Fix: put it in an environment variable and pass --passphrase-env NAME.\n", run.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task AReadOnlyTokenFileIsNotRewrittenInPlace()
    {
        workspace.Write("t.json", MfaSamples.TokenFile(2));
        File.SetUnixFileMode(workspace.PathOf("t.json"), UnixFileMode.UserRead);
        var before = workspace.Bytes("t.json");

        var refused = await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "k.key");
        var elsewhere = await workspace.RunAsync("mfa", "sign", "--tokens", "t.json", "--key", "k.key", "--out", "signed.json");

        Assert.Equal((ExitCodes.BadInput, ExitCodes.Done), (refused.Exit, elsewhere.Exit));
        Assert.Equal("hsm-rotate mfa sign: t.json is read-only; write the signed file elsewhere with --out <file>.\n", refused.Error.ReplaceLineEndings("\n"));
        Assert.Equal(before, workspace.Bytes("t.json"));
    }

    public void Dispose() => workspace.Dispose();
}
