using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Emit;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>
/// PULUMI_CONFIG as Pulumi's YAML host builds it from a stack file (reference/pulumi-yaml.md 2.4): a JSON
/// object of "ns:key" to string; structured values JSON-encoded inside the string; secrets decrypted.
/// </summary>
internal static class PulumiConfigJson
{
    public static string FromStackFile(string stackYaml, IReadOnlyDictionary<string, string>? decryptedSecrets = null)
    {
        var config = YamlText.Read(stackYaml)!["config"]!.AsObject();
        var map = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in config)
        {
            map[key] = value switch
            {
                JsonObject { Count: 1 } secure when secure.ContainsKey("secure") =>
                    decryptedSecrets?.GetValueOrDefault(key) ?? throw new ArgumentException($"no plaintext given for secret {key}"),
                JsonObject or JsonArray => value.ToJsonString(),
                JsonValue scalar => scalar.ToString(),
                _ => "null",
            };
        }

        return new JsonObject(map.Select(p => KeyValuePair.Create<string, JsonNode?>(p.Key, p.Value))).ToJsonString();
    }
}
