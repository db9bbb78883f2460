using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HsmBlueGreen.Core.Config;

/// <summary>
/// Reads the project's keys from a Pulumi.&lt;stack&gt;.yaml text. Values stay strings (binding parses them);
/// a `secure:` value becomes a placeholder and its top-level key is marked secret: it is never decrypted here.
/// </summary>
public static class StackFileReader
{
    public static RawStackConfig Read(string fileName, string yamlText)
    {
        var root = Load(fileName, yamlText);
        var values = new JsonObject();
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        if (root is null || !TryGet(root, "config", out var configNode) || configNode is YamlScalarNode { Value: null or "" })
        {
            return new RawStackConfig(fileName, values, secrets);
        }

        if (configNode is not YamlMappingNode config)
        {
            throw new ConfigException($"{fileName}: 'config' must be a mapping of keys to values. Fix: see README, \"Stack configuration\".");
        }

        foreach (var (keyNode, valueNode) in config.Children)
        {
            var namespacedKey = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            ProjectNamespace.RefuseNearMiss(fileName, namespacedKey);
            var key = ProjectNamespace.Strip(namespacedKey);
            if (key is null)
            {
                continue;
            }

            var secret = false;
            values[key] = ToJson(valueNode, ref secret);
            if (secret)
            {
                secrets.Add(key);
            }
        }

        return new RawStackConfig(fileName, values, secrets);
    }

    /// <summary>A plain setting of another namespace in a stack file (aws:region); null when absent, empty or not a plain string.</summary>
    public static string? PlainSetting(string fileName, string yamlText, string namespacedKey)
    {
        var root = Load(fileName, yamlText);
        return root is not null && TryGet(root, "config", out var config) && config is YamlMappingNode map
            && TryGet(map, namespacedKey, out var value) && value is YamlScalarNode { Value: { Length: > 0 } text }
            ? text
            : null;
    }

    private static YamlMappingNode? Load(string fileName, string yamlText)
    {
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yamlText));
            if (stream.Documents.Count == 0)
            {
                return null;
            }

            return stream.Documents[0].RootNode as YamlMappingNode
                ?? throw new ConfigException($"{fileName}: the file must be a YAML mapping with a 'config:' key. Fix: see README, \"Stack configuration\".");
        }
        catch (YamlException e)
        {
            throw new ConfigException(
                $"{fileName} line {e.Start.Line}, column {e.Start.Column}: not valid YAML ({e.Message}). Fix: correct the file, or recreate the value with 'pulumi config set'.", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some truncated input (an unclosed "[" at the end).
            throw new ConfigException(
                $"{fileName}: not valid YAML (it ends inside an unclosed bracket, quote or block). Fix: correct the file, or recreate the value with 'pulumi config set'.", e);
        }
    }

    private static bool TryGet(YamlMappingNode map, string key, out YamlNode value)
    {
        foreach (var (k, v) in map.Children)
        {
            if (k is YamlScalarNode { Value: var name } && string.Equals(name, key, StringComparison.Ordinal))
            {
                value = v;
                return true;
            }
        }

        value = null!;
        return false;
    }

    private static JsonNode? ToJson(YamlNode node, ref bool secret)
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                return scalar.Value is null ? null : JsonValue.Create(scalar.Value);
            case YamlSequenceNode sequence:
                var array = new JsonArray();
                foreach (var item in sequence.Children)
                {
                    array.Add(ToJson(item, ref secret));
                }

                return array;
            case YamlMappingNode mapping when mapping.Children.Count == 1 && TryGet(mapping, "secure", out _):
                secret = true;
                return JsonValue.Create(RawStackConfig.SecretPlaceholder);
            case YamlMappingNode mapping:
                var obj = new JsonObject();
                foreach (var (k, v) in mapping.Children)
                {
                    obj[((YamlScalarNode)k).Value ?? string.Empty] = ToJson(v, ref secret);
                }

                return obj;
            default:
                return null;
        }
    }
}
