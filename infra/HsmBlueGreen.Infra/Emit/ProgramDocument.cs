using System.Text.Json;
using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Model;

namespace HsmBlueGreen.Infra.Emit;

/// <summary>The program as a Pulumi YAML document tree, keys in the order they are printed.</summary>
public static class ProgramDocument
{
    public static JsonObject From(StackProgram program)
    {
        ArgumentNullException.ThrowIfNull(program);
        var document = new JsonObject
        {
            ["name"] = program.Name,
            ["description"] = program.Description,
        };

        if (program.SecretConfigKeys.Count > 0)
        {
            // Declared so the YAML host keeps the value a secret; the program only ever says ${key}.
            document["config"] = new JsonObject(program.SecretConfigKeys.Select(key =>
                KeyValuePair.Create<string, JsonNode?>(key, new JsonObject { ["type"] = "string", ["secret"] = true })));
        }

        document["resources"] = new JsonObject(program.Resources.Select(r => KeyValuePair.Create<string, JsonNode?>(r.Name, Entry(r))));
        document["outputs"] = new JsonObject(program.Outputs.Select(o => KeyValuePair.Create<string, JsonNode?>(o.Key, o.Value)));
        return document;
    }

    /// <summary>A resource's input map with the wire names, as the emitter prints it.</summary>
    public static JsonObject Properties(AwsResource body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return JsonSerializer.SerializeToNode(body, body.GetType(), ModelJsonContext.Default)!.AsObject();
    }

    private static JsonObject Entry(Resource resource)
    {
        var entry = new JsonObject { ["type"] = resource.Type };
        switch (resource.Body)
        {
            case Lookup lookup:
                entry["get"] = new JsonObject { ["id"] = lookup.Id };
                break;
            case AwsResource aws:
                entry["properties"] = Properties(aws);
                break;
        }

        entry["options"] = Options(resource.Options);
        return entry;
    }

    private static JsonObject Options(ResourceOptions options)
    {
        var node = new JsonObject { ["version"] = options.Version };
        if (options.Protect)
        {
            node["protect"] = true;
        }

        if (options.CustomTimeouts is { } timeouts)
        {
            var t = new JsonObject();
            AddIfSet(t, "create", timeouts.Create);
            AddIfSet(t, "update", timeouts.Update);
            AddIfSet(t, "delete", timeouts.Delete);
            node["customTimeouts"] = t;
        }

        if (options.DependsOn.Count > 0)
        {
            node["dependsOn"] = new JsonArray([.. options.DependsOn.Select(d => (JsonNode?)JsonValue.Create(d))]);
        }

        if (options.IgnoreChanges.Count > 0)
        {
            node["ignoreChanges"] = new JsonArray([.. options.IgnoreChanges.Select(p => (JsonNode?)JsonValue.Create(p))]);
        }

        return node;
    }

    private static void AddIfSet(JsonObject node, string key, string? value)
    {
        if (value is not null)
        {
            node[key] = value;
        }
    }
}
