using System.Globalization;
using HsmBlueGreen.Core.Config;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HsmBlueGreen.Core.Tests.Settings;

/// <summary>
/// Applies `pulumi config set --path` and `config rm --path` to a stack file the way pulumi does: the path's first
/// part is a project key, the rest walks (and creates) maps, and the value is typed. "true"/"false" become booleans and
/// integers become numbers, except a multi-digit value with a leading 0, which stays a string (pulumi's adjustObjectValue).
/// </summary>
internal static class PulumiStackFile
{
    /// <summary>A null value removes the path.</summary>
    public static string Apply(string yaml, IEnumerable<KeyValuePair<string, string?>> writes)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var config = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode).Children[new YamlScalarNode("config")];
        foreach (var (path, value) in writes)
        {
            var (map, leaf) = Walk(config, path, create: value is not null);
            if (value is null)
            {
                map?.Children.Remove(new YamlScalarNode(leaf));
            }
            else
            {
                map!.Children[new YamlScalarNode(leaf)] = Typed(value);
            }
        }

        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        stream.Save(writer, assignAnchors: false);
        return writer.ToString();
    }

    private static (YamlMappingNode? Map, string Leaf) Walk(YamlMappingNode config, string path, bool create)
    {
        var parts = path.Split('.');
        parts[0] = $"{ProjectNamespace.Name}:{parts[0]}";
        var map = config;
        foreach (var part in parts[..^1])
        {
            if (!map.Children.TryGetValue(new YamlScalarNode(part), out var child))
            {
                if (!create)
                {
                    return (null, parts[^1]);
                }

                child = new YamlMappingNode();
                map.Children[new YamlScalarNode(part)] = child;
            }

            map = (YamlMappingNode)child;
        }

        return (map, parts[^1]);
    }

    private static YamlScalarNode Typed(string value)
    {
        var typed = value is "true" or "false"
            || (!(value.Length > 1 && value[0] == '0') && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _));
        return new YamlScalarNode(value) { Style = typed ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted };
    }
}
