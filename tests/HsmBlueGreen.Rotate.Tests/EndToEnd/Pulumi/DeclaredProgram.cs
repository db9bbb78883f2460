using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Cli;
using YamlDotNet.RepresentationModel;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;

/// <summary>One resource of the program: its logical name, type token, properties, and whether it is only read (`get:`).</summary>
internal sealed record DeclaredResource(string Name, string Type, YamlMappingNode Properties, bool IsRead, IReadOnlyList<string> IgnoreChanges)
{
    /// <summary>The type as a URN names it: "aws:cloudhsmv2:Cluster" is "aws:cloudhsmv2/cluster:Cluster".</summary>
    public string TypeToken
    {
        get
        {
            var parts = Type.Split(':');
            return $"{parts[0]}:{parts[1]}/{char.ToLowerInvariant(parts[2][0])}{parts[2][1..]}:{parts[2]}";
        }
    }

    public string Urn(string stack) => StackResourceNames.Urn(stack, TypeToken, Name);

    public string? Property(string name) => Properties.Children.TryGetValue(new YamlScalarNode(name), out var value) ? (value as YamlScalarNode)?.Value : null;

    /// <summary>The inputs Pulumi diffs: the properties without those under ignoreChanges.</summary>
    public string Inputs => string.Join("\n", Properties.Children.Where(p => !IgnoreChanges.Contains(((YamlScalarNode)p.Key).Value!)).Select(p => $"{p.Key}={Flat(p.Value)}"));

    private static string Flat(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? string.Empty,
        YamlSequenceNode seq => "[" + string.Join(",", seq.Children.Select(Flat)) + "]",
        YamlMappingNode map => "{" + string.Join(",", map.Children.Select(c => $"{c.Key}={Flat(c.Value)}")) + "}",
        _ => string.Empty,
    };
}

/// <summary>
/// The program Pulumi would evaluate for the stack's config now: the infra program itself, run in-process on the
/// project's Pulumi.&lt;stack&gt;.yaml (as `dotnet run --project infra/HsmBlueGreen.Infra -- --stack dev` does), read
/// back as its resources in declaration order and its outputs.
/// </summary>
internal sealed record DeclaredProgram(IReadOnlyList<DeclaredResource> Resources, IReadOnlyDictionary<string, string> Outputs)
{
    public static DeclaredProgram Emit(string projectDirectory, string stack)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = new InfraHost(_ => null, () => PhysicalProjectFiles.FindFrom(projectDirectory), stdout, stderr).Run(["--stack", stack]);
        if (exit != 0)
        {
            throw new ProgramFailedException($"error running compiler: exit {exit}, stderr follows:\n{stderr}");
        }

        return Parse(stdout.ToString());
    }

    public static DeclaredProgram Parse(string programYaml)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(programYaml));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var resources = ((YamlMappingNode)root.Children[new YamlScalarNode("resources")]).Children.Select(r =>
        {
            var body = (YamlMappingNode)r.Value;
            YamlNode? Child(YamlMappingNode map, string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? v : null;
            var options = Child(body, "options") as YamlMappingNode;
            var ignore = (options is null ? null : Child(options, "ignoreChanges")) as YamlSequenceNode;
            return new DeclaredResource(
                ((YamlScalarNode)r.Key).Value!,
                ((YamlScalarNode)body.Children[new YamlScalarNode("type")]).Value!,
                (Child(body, "properties") ?? Child(body, "get")) as YamlMappingNode ?? new YamlMappingNode(),
                Child(body, "get") is not null,
                [.. ignore?.Children.Select(c => ((YamlScalarNode)c).Value!) ?? []]);
        }).ToList();
        var outputs = root.Children.TryGetValue(new YamlScalarNode("outputs"), out var o)
            ? ((YamlMappingNode)o).Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!)
            : [];
        return new DeclaredProgram(resources, outputs);
    }
}

internal sealed class ProgramFailedException(string message) : Exception(message);
