using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// The compiler command on a copy of the tree: it keeps using the native program while nothing changed, publishes
/// it again on the call after a source changes, and runs the JIT build where no C toolchain can link it. The class
/// fixture first brings the repository's native program up to date, which the copies start from.
/// </summary>
public sealed class CompilerRebuildTests(CompilerRuns runs) : IClassFixture<CompilerRuns>
{
    private const string FallbackLine =
        "hsm-blue-green infra: no C toolchain for the NativeAOT link (clang or gcc, and objcopy), so running the JIT build (about 10x slower a call); to fix: apt-get install clang (or gcc libc6-dev)";

    [Fact]
    public void UnchangedCopyRunsItsNativeProgramWithoutPublishing()
    {
        using var tree = TreeCopy.OfRepo();

        var run = CompilerProcess.Run(CompilerRuns.Variables("dev", tree.Root), tree.Root);

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Stderr));
        Assert.Equal(runs.Run.Stdout, run.Stdout);
    }

    [Fact]
    public void NextCallAfterASourceChangePrintsTheChangedProgram()
    {
        using var tree = TreeCopy.OfRepo();
        tree.Edit("infra/HsmBlueGreen.Infra/Declarations/ProgramBuilder.cs", "blue/green CloudHSM slots behind one load balancer", "blue/green CloudHSM slots behind one edited load balancer");

        var run = CompilerProcess.Run(CompilerRuns.Variables("dev", tree.Root), tree.Root);

        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.Equal(runs.Run.Stdout.Replace("behind one load balancer", "behind one edited load balancer", StringComparison.Ordinal), run.Stdout);
    }

    [Fact]
    public void WithoutACToolchainTheJitBuildPrintsTheSameProgramAndOneLineSaysWhatToInstall()
    {
        using var tree = TreeCopy.OfRepo();

        var run = CompilerProcess.Run(CompilerRuns.Variables("dev", tree.Root), tree.Root, ToolchainlessPath.In(tree.Root));

        Assert.Equal((0, runs.Run.Stdout), (run.ExitCode, run.Stdout));
        Assert.Equal(FallbackLine, run.Stderr.Split('\n')[0]);
    }
}
