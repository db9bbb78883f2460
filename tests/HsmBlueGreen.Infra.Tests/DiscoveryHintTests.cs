using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>Run by hand with no stack, the infra program says it printed the plugin-discovery program; run by Pulumi, it says nothing.</summary>
public sealed class DiscoveryHintTests
{
    [Fact]
    public void ByHandOnATerminalTheDiscoveryProgramComesWithOneHintLine()
    {
        var run = InfraRun.Of(Repo.Files, null, stderrIsTerminal: true);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("plugin-discovery program", run.Stderr, StringComparison.Ordinal);
        Assert.Single(run.Stderr.TrimEnd().Split('\n'));
        Assert.NotEmpty(run.Stdout);
    }

    [Fact]
    public void WithStderrCapturedAsPulumiDoesTheDiscoveryRunIsSilent()
    {
        var run = InfraRun.Of(Repo.Files, null, stderrIsTerminal: false);

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
    }

    [Fact]
    public void AStacksProgramByHandHasNoHint()
    {
        var run = InfraRun.Of(Repo.Files, null, stderrIsTerminal: true, "--stack", "dev");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
    }
}
