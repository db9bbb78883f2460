using HsmBlueGreen.Core.Config;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>A project directory held in memory: stack files by name.</summary>
internal sealed class InMemoryProjectFiles(IReadOnlyDictionary<string, string> files) : IProjectFiles
{
    public string Directory => "/in-memory";

    public static InMemoryProjectFiles WithStack(string stack, string yaml) =>
        new(new Dictionary<string, string> { [$"Pulumi.{stack}.yaml"] = yaml });

    public string? Read(string fileName) => files.GetValueOrDefault(fileName);

    public IEnumerable<string> StackNames() =>
        files.Keys.Where(k => k.StartsWith("Pulumi.", StringComparison.Ordinal) && k.EndsWith(".yaml", StringComparison.Ordinal) && k != "Pulumi.yaml")
            .Select(k => k["Pulumi.".Length..^".yaml".Length]).Order(StringComparer.Ordinal);
}
