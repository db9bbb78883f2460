using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// The dev and prod programs, as reviewed by eye in Golden/*.yaml. After an intended change regenerate them
/// with tests/HsmBlueGreen.Infra.Tests/Golden/regenerate.sh, read the diff, and commit it with the change.
/// </summary>
public sealed class GoldenProgramTests
{
    [Theory]
    [InlineData("dev")]
    [InlineData("prod")]
    public void ProgramMatchesTheReviewedGoldenFile(string stack)
    {
        var run = InfraRun.Stack(stack);
        Assert.True(run.ExitCode == 0, run.Stderr);
        var golden = File.ReadAllText(Path.Combine(Repo.TestProject, "Golden", $"{stack}.yaml"));

        if (!string.Equals(golden, run.Stdout, StringComparison.Ordinal))
        {
            var expected = golden.Split('\n');
            var actual = run.Stdout.Split('\n');
            var line = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
                .First(i => i >= expected.Length || i >= actual.Length || expected[i] != actual[i]);
            Assert.Fail(
                $"the {stack} program differs from Golden/{stack}.yaml at line {line + 1}:\n" +
                $"  golden: {(line < expected.Length ? expected[line] : "<end>")}\n" +
                $"  now:    {(line < actual.Length ? actual[line] : "<end>")}\n" +
                "If the change is intended, run tests/HsmBlueGreen.Infra.Tests/Golden/regenerate.sh and review the diff.");
        }
    }

    [Fact]
    public void ProgramIsTheSameOnEveryRun()
    {
        Assert.Equal(InfraRun.Stack("prod").Stdout, InfraRun.Stack("prod").Stdout);
    }
}
