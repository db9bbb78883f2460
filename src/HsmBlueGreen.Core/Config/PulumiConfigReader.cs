using System.Text.Json;
using System.Text.Json.Nodes;

namespace HsmBlueGreen.Core.Config;

/// <summary>
/// Reads the project's keys from PULUMI_CONFIG, the JSON object of "ns:key" to string that Pulumi's YAML
/// host passes to a compiler. Structured values arrive as JSON inside the string. Secrets arrive decrypted
/// and unmarked, so the caller names the secret keys (from the stack file) and their plaintext is dropped here.
/// </summary>
public static class PulumiConfigReader
{
    public const string Source = "PULUMI_CONFIG";

    public static RawStackConfig Read(string? json, IReadOnlySet<string> secretKeys)
    {
        var values = new JsonObject();
        var secrets = new HashSet<string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json) || json.Trim() == "null")
        {
            return new RawStackConfig(Source, values, secrets);
        }

        Dictionary<string, string?>? map;
        try
        {
            map = JsonSerializer.Deserialize(json, ConfigJsonContext.Default.DictionaryStringString);
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{Source} is not a JSON object of strings ({e.Message}). Fix: run through 'pulumi preview', or unset it to read Pulumi.<stack>.yaml.", e);
        }

        foreach (var (namespacedKey, text) in map ?? [])
        {
            ProjectNamespace.RefuseNearMiss(Source, namespacedKey);
            var key = ProjectNamespace.Strip(namespacedKey);
            if (key is null)
            {
                continue;
            }

            if (secretKeys.Contains(key))
            {
                values[key] = RawStackConfig.SecretPlaceholder;
                secrets.Add(key);
                continue;
            }

            values[key] = Structured(text) ?? (text is null ? null : JsonValue.Create(text));
        }

        return new RawStackConfig(Source, values, secrets);
    }

    private static JsonNode? Structured(string? text)
    {
        var trimmed = text?.TrimStart();
        if (trimmed is null || (!trimmed.StartsWith('{') && !trimmed.StartsWith('[')))
        {
            return null;
        }

        try
        {
            return Stringify(JsonNode.Parse(trimmed));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Leaves become strings, as in a stack file, so one binder parses both sources the same way.</summary>
    private static JsonNode? Stringify(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Stringify(p.Value)))),
        JsonArray array => new JsonArray([.. array.Select(Stringify)]),
        JsonValue value when value.GetValueKind() == JsonValueKind.String => JsonValue.Create(value.GetValue<string>()),
        JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => JsonValue.Create(value.GetValue<bool>() ? "true" : "false"),
        JsonValue value => JsonValue.Create(value.ToJsonString()),
        _ => null,
    };
}
