using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace HsmBlueGreen.Core.Config;

/// <summary>Presents raw stack config as Microsoft.Extensions.Configuration ("slots:green:cryptoUser").</summary>
public static class ConfigurationFactory
{
    public static IConfiguration ToConfiguration(this RawStackConfig raw)
    {
        var flat = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, node) in raw.Values)
        {
            Flatten(key, node, flat);
        }

        return new ConfigurationBuilder().AddInMemoryCollection(flat).Build();
    }

    private static void Flatten(string path, JsonNode? node, Dictionary<string, string?> flat)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, child) in obj)
                {
                    Flatten($"{path}{ConfigurationPath.KeyDelimiter}{key}", child, flat);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Flatten($"{path}{ConfigurationPath.KeyDelimiter}{i}", array[i], flat);
                }

                break;
            case JsonValue value:
                flat[path] = value.ToString();
                break;
            default:
                flat[path] = null;
                break;
        }
    }
}
