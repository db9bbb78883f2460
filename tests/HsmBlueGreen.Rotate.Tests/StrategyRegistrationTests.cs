using HsmBlueGreen.Core.Rotation.Strategies;

namespace HsmBlueGreen.Rotate.Tests;

/// <summary>
/// Adding a strategy is one file: registered there, it is taken by --strategy and shown by `plan` and `plan --compare`,
/// and no other source file names it (no enum member, no list, no test of which strategy runs).
/// </summary>
public sealed class StrategyRegistrationTests
{
    public static TheoryData<string> Keys() => [.. RotationStrategies.Keys];

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task EveryStrategyIsPlannedOnAStackItFits(string key)
    {
        // The two scenario stacks: separate clusters (green restored from blue's backup), and both slots on one cluster.
        using var separate = new CliFixture();
        using var shared = CliFixture.DualUser();
        var line = $"plan --stack dev --strategy {key} --window-start 02:00 --window-duration 2h";

        var runs = new[] { await separate.RunAsync(line), await shared.RunAsync(line) };

        Assert.Contains(runs, r => r.Exit == Exit.Done && r.Out.StartsWith($"hsm-rotate plan: stack dev, strategy {key},", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task EveryStrategyIsCompared(string key)
    {
        using var cli = new CliFixture();

        var run = await cli.RunAsync("plan --stack dev --compare");

        Assert.Equal(Exit.Done, run.Exit);
        Assert.Contains(run.Out.Split('\n'), l => l.StartsWith($"  {key} ", StringComparison.Ordinal));
    }

    [Fact]
    public void NoSourceFileButItsOwnNamesAStrategy()
    {
        var sources = Directory.GetFiles(Path.Combine(CliFixture.RepoRoot, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => f, f => File.ReadAllLines(f).Where(l => !l.TrimStart().StartsWith("//", StringComparison.Ordinal)).ToList());

        // Its type, or its key as a string literal in code (comments may mention a strategy in prose).
        var strays = from strategy in RotationStrategies.All
                     let type = strategy.GetType().Name
                     from file in sources
                     where Path.GetFileNameWithoutExtension(file.Key) != type
                     from line in file.Value
                     where line.Contains(type, StringComparison.Ordinal) || line.Contains($"\"{strategy.Key}\"", StringComparison.Ordinal)
                     select $"{Path.GetRelativePath(CliFixture.RepoRoot, file.Key)}: {line.Trim()}";

        Assert.Empty(strays);
    }
}
