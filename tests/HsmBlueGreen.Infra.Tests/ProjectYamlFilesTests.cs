using System.Text.Json;
using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Emit;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// After running the compiler, Pulumi's YAML host reads every *.yaml file below the project directory as a
/// possible package declaration (pulumi-yaml SearchPackageDecls) and fails the whole run on one it cannot
/// decode: so every tracked .yaml file must parse, with `name` and `version` strings where present.
/// </summary>
public sealed class ProjectYamlFilesTests
{
    [Fact]
    public void EveryYamlFileInTheProjectDecodesAsPulumiExpects()
    {
        var files = Directory.EnumerateFiles(Repo.Root, "*.yaml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}.git{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(files, f => f.EndsWith("Pulumi.prod.yaml", StringComparison.Ordinal));
        Assert.All(files, file =>
        {
            var document = YamlText.Read(File.ReadAllText(file)) as JsonObject;
            foreach (var key in new[] { "name", "version" })
            {
                Assert.True(
                    document?[key] is null || document[key]!.GetValueKind() == JsonValueKind.String,
                    $"{Path.GetRelativePath(Repo.Root, file)}: '{key}' is not a string");
            }
        });
    }
}
