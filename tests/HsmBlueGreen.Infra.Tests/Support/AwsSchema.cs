using System.Text.Json;
using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Emit;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>
/// The pulumi-aws 7.48.0 subset (Fixtures/pulumi-aws-subset.json, a copy of shared/reference) as a strict
/// checker for printed programs: unknown types, unknown or mistyped inputs, missing required inputs and
/// references to outputs a type does not have are all problems.
/// </summary>
internal sealed class AwsSchema
{
    private static readonly Lazy<AwsSchema> Shared = new(() => new AwsSchema(File.ReadAllText(Path.Combine(Repo.TestProject, "Fixtures", "pulumi-aws-subset.json"))));
    private readonly JsonObject resources;
    private readonly JsonObject types;

    private AwsSchema(string json)
    {
        var root = JsonNode.Parse(json)!.AsObject();
        resources = root["resources"]!.AsObject();
        types = root["types"]!.AsObject();
    }

    public static AwsSchema Load() => Shared.Value;

    public string ProviderVersion => "7.48.0";

    public bool HasType(string token) => resources.ContainsKey(token);

    public List<string> Check(JsonObject program)
    {
        var problems = new List<string>();
        var declared = program["resources"]!.AsObject();
        foreach (var (name, node) in declared)
        {
            var entry = node!.AsObject();
            var type = (string)entry["type"]!;
            if (!resources.TryGetPropertyValue(type, out var schema))
            {
                problems.Add($"{name}: type '{type}' is not in the subset");
                continue;
            }

            // ignoreChanges names top-level inputs; a name the type does not have would freeze nothing.
            foreach (var ignored in entry["options"]?["ignoreChanges"]?.AsArray().Select(p => (string?)p) ?? [])
            {
                if (ignored is null || !schema!["inputs"]!.AsObject().ContainsKey(ignored))
                {
                    problems.Add($"{name}.options.ignoreChanges: '{ignored}' is not an input of {type}");
                }
            }

            if (entry["properties"] is JsonObject properties)
            {
                CheckObject($"{name}.properties", properties, schema!["inputs"]!.AsObject(), problems);
            }
            else if (entry["get"] is null)
            {
                problems.Add($"{name}: has neither properties nor get");
            }
        }

        foreach (var access in ProgramEmitter.Strings(program).SelectMany(Interpolation.Accesses))
        {
            var parts = access.Split('.');
            if (parts.Length < 2 || !declared.TryGetPropertyValue(parts[0], out var target))
            {
                continue;
            }

            var outputs = resources[(string)target!["type"]!]!["outputs"]!.AsArray().Select(o => (string)o!).Concat(["id", "urn"]);
            if (!outputs.Contains(parts[1]))
            {
                problems.Add($"${{{access}}}: '{parts[1]}' is not an output of {target["type"]}");
            }
        }

        return problems;
    }

    private void CheckObject(string path, JsonObject value, JsonObject inputs, List<string> problems)
    {
        foreach (var (key, child) in value)
        {
            if (!inputs.TryGetPropertyValue(key, out var input))
            {
                problems.Add($"{path}.{key}: no such input");
                continue;
            }

            CheckValue($"{path}.{key}", child, (string)input!["type"]!, problems);
        }

        foreach (var (key, input) in inputs)
        {
            if ((bool?)input!["required"] == true && !value.ContainsKey(key))
            {
                problems.Add($"{path}.{key}: required input missing");
            }
        }
    }

    private void CheckValue(string path, JsonNode? value, string type, List<string> problems)
    {
        if (type.StartsWith("array<", StringComparison.Ordinal))
        {
            if (value is not JsonArray list)
            {
                problems.Add($"{path}: expected {type}");
                return;
            }

            var itemType = type["array<".Length..^1];
            for (var i = 0; i < list.Count; i++)
            {
                CheckValue($"{path}[{i}]", list[i], itemType, problems);
            }
        }
        else if (type.StartsWith("object<", StringComparison.Ordinal))
        {
            var nested = types[type["object<".Length..^1]]?["properties"]?.AsObject();
            if (value is not JsonObject obj || nested is null)
            {
                problems.Add($"{path}: expected {type}");
                return;
            }

            CheckObject(path, obj, nested, problems);
        }
        else if (type == "map<string>")
        {
            if (value is not JsonObject map || map.Any(p => !IsString(p.Value)))
            {
                problems.Add($"{path}: expected a map of strings");
            }
        }
        else if (!Scalar(value, type))
        {
            problems.Add($"{path}: {value?.ToJsonString() ?? "null"} is not {type}");
        }
    }

    private static bool Scalar(JsonNode? value, string type) => type switch
    {
        "string" => IsString(value),
        "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _),
        "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        _ => false,
    };

    /// <summary>A string, or a built-in whose result is one (fn::toJSON, fn::toBase64, ...).</summary>
    private static bool IsString(JsonNode? value) =>
        (value is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        || (value is JsonObject { Count: 1 } call && call.First().Key is "fn::toJSON" or "fn::toBase64" or "fn::join");
}
