using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>
/// The Query protocol both ways, driven by the model: a form body read back into the input shape as JSON
/// (reporting parameters the shape does not know), and an output value written as the service's XML.
/// EC2's variant (protocol "ec2") names members by queryName or capitalised locationName, writes lists as
/// "Name.N", answers without a Result wrapper and writes list items under their locationName ("item").
/// </summary>
public static class QueryCodec
{
    public static JsonObject Decode(ServiceModel model, string shapeName, IReadOnlyDictionary<string, string> form, List<string> problems)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "Action", "Version" };
        var result = ReadStructure(model, shapeName, string.Empty, form, used);
        problems.AddRange(form.Keys.Where(k => !used.Contains(k)).Select(k => $"parameter {k} is not part of {shapeName}"));
        return result;
    }

    private static JsonObject ReadStructure(ServiceModel model, string shapeName, string prefix, IReadOnlyDictionary<string, string> form, HashSet<string> used)
    {
        var obj = new JsonObject();
        foreach (var (name, member) in model.Shape(shapeName)["members"]?.AsObject() ?? [])
        {
            var value = Read(model, member!["shape"]!.GetValue<string>(), prefix + SerializedName(model, name, member), form, used);
            if (value is not null)
            {
                obj[name] = value;
            }
        }

        return obj;
    }

    private static string SerializedName(ServiceModel model, string name, JsonNode member)
    {
        if (model.Protocol != "ec2")
        {
            return name;
        }

        var location = member["queryName"]?.GetValue<string>() ?? member["locationName"]?.GetValue<string>();
        return location is null ? name : char.ToUpperInvariant(location[0]) + location[1..];
    }

    private static JsonNode? Read(ServiceModel model, string shapeName, string key, IReadOnlyDictionary<string, string> form, HashSet<string> used)
    {
        var shape = model.Shape(shapeName);
        bool Present(string prefix) => form.Keys.Any(k => k == prefix || k.StartsWith(prefix + ".", StringComparison.Ordinal));
        switch (shape["type"]!.GetValue<string>())
        {
            case "structure":
                return Present(key) ? ReadStructure(model, shapeName, key + ".", form, used) : null;
            case "list":
                var listPrefix = shape["flattened"]?.GetValue<bool>() == true || model.Protocol == "ec2" ? key : key + ".member";
                if (!Present(key))
                {
                    return null;
                }

                used.Add(key); // "Name=" alone is how Query sends an empty list
                var array = new JsonArray();
                for (var i = 1; Present($"{listPrefix}.{i}"); i++)
                {
                    array.Add(Read(model, shape["member"]!["shape"]!.GetValue<string>(), $"{listPrefix}.{i}", form, used));
                }

                return array;
            case "map":
                var map = new JsonObject();
                for (var i = 1; Present($"{key}.entry.{i}"); i++)
                {
                    var entryKey = form.GetValueOrDefault($"{key}.entry.{i}.key") ?? string.Empty;
                    used.Add($"{key}.entry.{i}.key");
                    map[entryKey] = Read(model, shape["value"]!["shape"]!.GetValue<string>(), $"{key}.entry.{i}.value", form, used);
                }

                return map.Count == 0 ? null : map;
            default:
                if (!form.TryGetValue(key, out var text))
                {
                    return null;
                }

                used.Add(key);
                return Scalar(shape["type"]!.GetValue<string>(), text);
        }
    }

    private static JsonNode Scalar(string type, string text) => type switch
    {
        "integer" or "long" when long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        "double" or "float" when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        "boolean" when text is "true" or "false" => JsonValue.Create(text == "true"),
        _ => JsonValue.Create(text),
    };

    public static string Encode(ServiceModel model, string operation, JsonObject? output, string requestId)
    {
        XNamespace ns = model.XmlNamespace ?? string.Empty;
        var ec2 = model.Protocol == "ec2";
        var result = ec2 ? new XElement(ns + operation + "Response", new XElement(ns + "requestId", requestId)) : new XElement(ns + operation + "Result");
        if (model.OutputShape(operation) is { } shapeName && output is not null)
        {
            WriteMembers(model, ns, shapeName, output, result);
        }

        if (ec2)
        {
            return new XDocument(result).ToString(SaveOptions.DisableFormatting);
        }

        var response = new XElement(ns + operation + "Response", result, new XElement(ns + "ResponseMetadata", new XElement(ns + "RequestId", requestId)));
        return new XDocument(response).ToString(SaveOptions.DisableFormatting);
    }

    private static void WriteMembers(ServiceModel model, XNamespace ns, string shapeName, JsonObject value, XElement parent)
    {
        var members = model.Shape(shapeName)["members"]!.AsObject();
        foreach (var (name, child) in value)
        {
            var member = members[name]!;
            var element = new XElement(ns + (member["locationName"]?.GetValue<string>() ?? name));
            Write(model, ns, member["shape"]!.GetValue<string>(), child, element);
            parent.Add(element);
        }
    }

    private static void Write(ServiceModel model, XNamespace ns, string shapeName, JsonNode? value, XElement element)
    {
        var shape = model.Shape(shapeName);
        switch (shape["type"]!.GetValue<string>())
        {
            case "structure":
                WriteMembers(model, ns, shapeName, value!.AsObject(), element);
                break;
            case "list":
                foreach (var item in value!.AsArray())
                {
                    var member = new XElement(ns + (model.Protocol == "ec2" ? shape["member"]!["locationName"]?.GetValue<string>() ?? "item" : "member"));
                    Write(model, ns, shape["member"]!["shape"]!.GetValue<string>(), item, member);
                    element.Add(member);
                }

                break;
            case "map":
                foreach (var (key, item) in value!.AsObject())
                {
                    var entryValue = new XElement(ns + "value");
                    Write(model, ns, shape["value"]!["shape"]!.GetValue<string>(), item, entryValue);
                    element.Add(new XElement(ns + "entry", new XElement(ns + "key", key), entryValue));
                }

                break;
            case "timestamp" when value is JsonValue v && v.GetValueKind() == JsonValueKind.Number:
                element.Value = DateTimeOffset.FromUnixTimeMilliseconds((long)(v.GetValue<double>() * 1000)).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
                break;
            default:
                element.Value = value is JsonValue scalar && scalar.GetValueKind() == JsonValueKind.String
                    ? scalar.GetValue<string>()
                    : value!.ToJsonString();
                break;
        }
    }
}
