using System.Text.RegularExpressions;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// docs/aws-behaviour.md is the project's picture of AWS: every row names its documentation, its fake and a test that
/// exists, and README's "needs a real account" list is exactly the rows no documentation settles.
/// </summary>
public sealed partial class BehaviourCatalogueTests
{
    private static readonly string Catalogue = File.ReadAllText(Path.Combine(Repo.Root, "docs", "aws-behaviour.md"));

    private static IReadOnlyList<CatalogueRow> Rows =>
        [.. Catalogue.Split('\n')
            .Where(line => line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| Behaviour |", StringComparison.Ordinal))
            .Select(CatalogueRow.Parse)];

    [Fact]
    public void EveryRowHasABehaviourASourceAFakeATestAndAStatus()
    {
        Assert.NotEmpty(Rows);
        Assert.All(Rows, row =>
        {
            Assert.True(row.Cells.Count == 5, $"{row.Cells.Count} cells: {row.Behaviour}");
            Assert.True(row.Cells.All(cell => cell.Length > 0), $"an empty cell: {row.Behaviour}");
            Assert.True(row.Status.StartsWith("documented", StringComparison.Ordinal) || row.Status.StartsWith("assumed", StringComparison.Ordinal) || row.IsAssumed, $"status '{row.Status}' is neither documented nor assumed: {row.Behaviour}");
        });
    }

    [Fact]
    public void EveryDocumentedRowCitesAPage()
    {
        var uncited = Rows.Where(row => !row.IsAssumed && !row.Source.Contains("https://", StringComparison.Ordinal)).Select(row => row.Behaviour);

        Assert.Empty(uncited);
    }

    [Fact]
    public void EveryTestTheCatalogueNamesExists()
    {
        var sources = Directory.EnumerateFiles(Path.Combine(Repo.Root, "tests"), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(File.ReadAllText)
            .ToList();
        var named = Rows.SelectMany(row => TestName().Matches(row.Test).Select(m => (Class: m.Groups[1].Value, Method: m.Groups[2].Value))).Distinct().ToList();

        Assert.NotEmpty(named);
        var missing = named.Where(t => !sources.Any(s => s.Contains($"class {t.Class}", StringComparison.Ordinal) && Regex.IsMatch(s, $@"\b{t.Method}\(")));
        Assert.Empty(missing.Select(t => $"{t.Class}.{t.Method}"));
    }

    [Fact]
    public void ReadmeListsExactlyTheRowsNoDocumentationSettles()
    {
        var readme = File.ReadAllText(Path.Combine(Repo.Root, "README.md"));
        var start = readme.IndexOf("**Needs a real AWS account", StringComparison.Ordinal);
        Assert.True(start >= 0, "README has no 'Needs a real AWS account' section");
        var end = readme.IndexOf("\n## ", start, StringComparison.Ordinal);
        var listed = readme[start..end].Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).Select(line => line[2..].Trim()).ToList();

        var assumed = Rows.Where(row => row.IsAssumed).Select(row => row.FirstSentence).ToList();

        Assert.Equal(assumed, listed);
    }

    [GeneratedRegex(@"\b([A-Z]\w*Tests)\.([A-Z]\w*)")]
    private static partial Regex TestName();

    private sealed record CatalogueRow(IReadOnlyList<string> Cells)
    {
        public string Behaviour => Cells[0];

        public string Source => Cells.ElementAtOrDefault(1) ?? string.Empty;

        public string Test => Cells.ElementAtOrDefault(3) ?? string.Empty;

        public string Status => Cells.ElementAtOrDefault(4) ?? string.Empty;

        /// <summary>Not settled by any page, in whole or in part: a first run against a real account confirms it.</summary>
        public bool IsAssumed => Status.Contains("assumed", StringComparison.Ordinal);

        public string FirstSentence => Behaviour.IndexOf(". ", StringComparison.Ordinal) is var end and >= 0 ? Behaviour[..(end + 1)] : Behaviour;

        public static CatalogueRow Parse(string line) =>
            new([.. line.Trim().Trim('|').Split(" | ").Select(cell => cell.Trim())]);
    }
}
