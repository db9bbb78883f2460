using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>The `mfa` group itself: its help and its refusal of unknown subcommands.</summary>
public sealed class MfaCommandTests : IDisposable
{
    private readonly MfaWorkspace workspace = new();

    [Fact]
    public async Task HelpListsTheSubcommandsAndSucceeds()
    {
        var run = await workspace.RunAsync("mfa", "--help");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.Contains(" mfa [command] [options]", run.Out, StringComparison.Ordinal);
        Assert.All(["keygen", "sign", "verify"], verb => Assert.Contains($"\n  {verb} ", run.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnknownSubcommandIsRefused()
    {
        var run = await workspace.RunAsync("mfa", "rotate");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Equal("hsm-rotate mfa: unknown subcommand 'rotate'. See 'hsm-rotate mfa --help'.\n", run.Error.ReplaceLineEndings("\n"));
    }

    public void Dispose() => workspace.Dispose();
}
