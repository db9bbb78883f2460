using HsmBlueGreen.Core.Rotation.Gates;

namespace HsmBlueGreen.Core.Tests.Rotation;

/// <summary>Each gate registers itself from its own file with its place in the judging order; no list names them.</summary>
public sealed class GateRegistryTests
{
    [Fact]
    public void TargetHealthIsJudgedFirstThenTheErrorRatesThenLatencyAndTheHsmLoginLast()
    {
        Assert.Equal(["targets-healthy", "5xx-rate", "alb-5xx-rate", "latency", "hsm-login"], GateCatalogue.Names);
    }

    [Fact]
    public void EveryRegisteredGateHasItsOwnNameAndItsOwnDefaultLimits()
    {
        Assert.Equal(GateCatalogue.Names.Count, GateCatalogue.Names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(GateCatalogue.Names, GateCatalogue.Defaults.Each.Select(s => s.Name));
    }

    [Fact]
    public void NoSourceFileButItsOwnNamesAGateType()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var sources = Directory.GetFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllText);

        var strays = from type in GateCatalogue.All.Select(g => g.GetType().Name).Distinct(StringComparer.Ordinal)
                     from file in sources
                     where Path.GetFileNameWithoutExtension(file.Key) != type && file.Value.Contains(type, StringComparison.Ordinal)
                     select $"{Path.GetRelativePath(src, file.Key)} names {type}";

        Assert.Empty(strays);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "HsmBlueGreen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("HsmBlueGreen.sln was not found above the test binaries");
    }
}
