using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>What every refusal must look like, whatever the bad input.</summary>
internal static class Refusal
{
    public static async Task<CliRun> AssertAsync(MfaWorkspace workspace, string file, string content, string message, params string[] args)
    {
        workspace.Write(file, content);
        var before = workspace.Bytes(file);

        var run = await workspace.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.EndsWith($"hsm-rotate mfa {args[1]}: {message}\n", run.Error.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Equal(before, workspace.Bytes(file));
        Assert.Empty(Directory.GetFiles(workspace.Root, "*.tmp"));
        SecretAssert.NothingSecretIn(workspace, run);
        return run;
    }
}
