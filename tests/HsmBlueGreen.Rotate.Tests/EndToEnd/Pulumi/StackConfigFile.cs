using YamlDotNet.RepresentationModel;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;

/// <summary>
/// Pulumi.&lt;stack&gt;.yaml as `pulumi config set/set-all/rm --path` edit it: the first path segment is a key of
/// the project's namespace ("slots" is "hsm-blue-green:slots"), the rest walks into the structured value, and
/// values go in as plain scalars (inside a path Pulumi stores true/false and integers typed, which reads the same).
/// </summary>
internal static class StackConfigFile
{
    private const string Namespace = "hsm-blue-green:";

    public static void Set(string projectDirectory, string stack, string path, string value) => Edit(projectDirectory, stack, config =>
    {
        var (parent, leaf) = Walk(config, path, create: true)!.Value;
        parent.Children[new YamlScalarNode(leaf)] = new YamlScalarNode(value);
    });

    public static void Remove(string projectDirectory, string stack, string path) => Edit(projectDirectory, stack, config =>
    {
        if (Walk(config, path, create: false) is var (parent, leaf))
        {
            parent.Children.Remove(new YamlScalarNode(leaf));
        }
    });

    private static (YamlMappingNode Parent, string Leaf)? Walk(YamlMappingNode config, string path, bool create)
    {
        var segments = path.Split('.');
        segments[0] = segments[0].Contains(':', StringComparison.Ordinal) ? segments[0] : Namespace + segments[0];
        var node = config;
        foreach (var segment in segments[..^1])
        {
            if (!node.Children.TryGetValue(new YamlScalarNode(segment), out var child))
            {
                if (!create)
                {
                    return null;
                }

                child = new YamlMappingNode();
                node.Children[new YamlScalarNode(segment)] = child;
            }

            node = child as YamlMappingNode ?? throw new InvalidOperationException($"config path {path}: '{segment}' is not a map");
        }

        return (node, segments[^1]);
    }

    private static void Edit(string projectDirectory, string stack, Action<YamlMappingNode> change)
    {
        var file = Path.Combine(projectDirectory, $"Pulumi.{stack}.yaml");
        var yaml = new YamlStream();
        using (var reader = new StreamReader(file))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        change((YamlMappingNode)root.Children[new YamlScalarNode("config")]);
        using var writer = new StreamWriter(file);
        yaml.Save(writer, assignAnchors: false);
    }
}
