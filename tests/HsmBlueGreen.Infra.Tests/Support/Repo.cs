using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>The repository checkout the tests run from: Pulumi.yaml, the shipped stack files, fixtures and golden files.</summary>
internal static class Repo
{
    public static readonly string Root = PhysicalProjectFiles.FindFrom(AppContext.BaseDirectory)?.Directory
        ?? throw new InvalidOperationException("no Pulumi.yaml above the test assembly");

    public static PhysicalProjectFiles Files => new(Root);

    public static string TestProject => Path.Combine(Root, "tests", "HsmBlueGreen.Infra.Tests");
}
