using System.Runtime.Versioning;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>`mfa keygen`: the pair's files, their modes, and where the passphrase comes from.</summary>
public sealed class MfaKeygenTests : IDisposable
{
    private readonly MfaWorkspace workspace = new();

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task ThePrivateKeyIsReadableByItsOwnerOnly()
    {
        await workspace.RunAsync("mfa", "keygen", "--out", "k");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(workspace.PathOf("k.key")));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead, File.GetUnixFileMode(workspace.PathOf("k.pub")));
    }

    [Fact]
    public async Task KeygenWritesPkcs8AndSubjectPublicKeyInfoAndSaysSo()
    {
        var run = await workspace.RunAsync("mfa", "keygen", "--out", "officer1");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", workspace.Read("officer1.key"), StringComparison.Ordinal);
        Assert.StartsWith("-----BEGIN PUBLIC KEY-----", workspace.Read("officer1.pub"), StringComparison.Ordinal);
        Assert.StartsWith("wrote officer1.key (RSA 2048, PKCS#8, not encrypted, mode 0600) and officer1.pub.\n", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        SecretAssert.NothingSecretIn(workspace, run);
    }

    [Fact]
    public async Task ForceReplacesAnExistingPair()
    {
        await workspace.RunAsync("mfa", "keygen", "--out", "k");
        var first = workspace.Read("k.pub");

        var run = await workspace.RunAsync("mfa", "keygen", "--out", "k", "--force");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.NotEqual(first, workspace.Read("k.pub"));
    }

    [Fact]
    public async Task APassphraseTypedTwiceEncryptsTheKey()
    {
        workspace.Input = "typed secret\ntyped secret\n";

        var run = await workspace.RunAsync("mfa", "keygen", "--out", "k", "--encrypt");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.Equal(workspace.Read("k.pub"), workspace.MustOpenssl("pkey", "-in", "k.key", "-passin", "pass:typed secret", "-pubout"));
        Assert.DoesNotContain("typed secret", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PassphrasesThatDifferWriteNothing()
    {
        workspace.Input = "first-passphrase\nsecond-passphrase\n";

        var run = await workspace.RunAsync("mfa", "keygen", "--out", "k", "--encrypt");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.EndsWith("hsm-rotate mfa keygen: the two passphrases typed for k.key differ; run the command again.\n", run.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(workspace.Root));
    }

    [Fact]
    public async Task AnEmptyPassphraseVariableIsRefused()
    {
        workspace.Environment["EMPTY"] = string.Empty;

        var run = await workspace.RunAsync("mfa", "keygen", "--out", "k", "--passphrase-env", "EMPTY");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Equal("hsm-rotate mfa keygen: --passphrase-env names EMPTY, which is empty; put the passphrase in it, or leave --passphrase-env out to be prompted.\n", run.Error.ReplaceLineEndings("\n"));
        Assert.Empty(Directory.GetFileSystemEntries(workspace.Root));
    }

    [Fact]
    public async Task APassphraseIsNeverTakenAsAnArgument()
    {
        var run = await workspace.RunAsync("mfa", "keygen", "--out", "k", "--passphrase", "hunter2");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.StartsWith("hsm-rotate mfa keygen: unknown option '--passphrase'", run.Error, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(workspace.Root));
    }

    [Fact]
    public async Task AMissingDirectoryIsBadInput()
    {
        var run = await workspace.RunAsync("mfa", "keygen", "--out", "no/such/dir/k");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.StartsWith("hsm-rotate mfa keygen: cannot write no/such/dir/k.key and no/such/dir/k.pub:", run.Error, StringComparison.Ordinal);
    }

    public void Dispose() => workspace.Dispose();
}
