using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>Checks a JSON value against a model shape: members known and required present, types, enums, patterns, lengths and ranges.</summary>
public static partial class ShapeValidator
{
    public static IReadOnlyList<string> Validate(ServiceModel model, string shapeName, JsonNode? value)
    {
        var problems = new List<string>();
        Check(model, shapeName, value, "$", problems);
        return problems;
    }

    private static void Check(ServiceModel model, string shapeName, JsonNode? value, string path, List<string> problems)
    {
        var shape = model.Shape(shapeName);
        var type = shape["type"]!.GetValue<string>();
        switch (type)
        {
            case "structure" when value is JsonObject obj:
                var members = shape["members"]?.AsObject() ?? [];
                foreach (var required in shape["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
                {
                    if (obj[required] is null)
                    {
                        problems.Add($"{path}.{required} is required by {shapeName}");
                    }
                }

                foreach (var (name, child) in obj)
                {
                    if (members[name] is not JsonObject member)
                    {
                        problems.Add($"{path}.{name} is not a member of {shapeName}");
                        continue;
                    }

                    Check(model, member["shape"]!.GetValue<string>(), child, $"{path}.{name}", problems);
                }

                break;
            case "list" when value is JsonArray array:
                CheckRange(shape, array.Count, path, "items", problems);
                for (var i = 0; i < array.Count; i++)
                {
                    Check(model, shape["member"]!["shape"]!.GetValue<string>(), array[i], $"{path}[{i}]", problems);
                }

                break;
            case "map" when value is JsonObject map:
                foreach (var (key, child) in map)
                {
                    Check(model, shape["key"]!["shape"]!.GetValue<string>(), JsonValue.Create(key), $"{path}<key {key}>", problems);
                    Check(model, shape["value"]!["shape"]!.GetValue<string>(), child, $"{path}.{key}", problems);
                }

                break;
            case "string" when value is JsonValue v && v.GetValueKind() == JsonValueKind.String:
                CheckString(shape, v.GetValue<string>(), path, problems);
                break;
            case "integer" or "long" when value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && long.TryParse(v.ToJsonString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number):
                CheckRange(shape, number, path, "value", problems);
                break;
            case "double" or "float" when value is JsonValue v && v.GetValueKind() == JsonValueKind.Number:
                break;
            case "boolean" when value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                break;
            case "timestamp" when value is JsonValue v && (v.GetValueKind() == JsonValueKind.Number
                || (v.GetValueKind() == JsonValueKind.String && DateTimeOffset.TryParse(v.GetValue<string>(), CultureInfo.InvariantCulture, out _))):
                break;
            case "blob" when value is JsonValue v && v.GetValueKind() == JsonValueKind.String:
                break;
            default:
                problems.Add($"{path} should be a {type} ({shapeName}) but is {Describe(value)}");
                break;
        }
    }

    private static void CheckString(JsonObject shape, string text, string path, List<string> problems)
    {
        CheckRange(shape, text.Length, path, "characters", problems);
        if (shape["enum"] is JsonArray values && !values.Any(e => e!.GetValue<string>() == text))
        {
            problems.Add($"{path} = '{text}' is not one of {string.Join(", ", values)}");
        }

        if (shape["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, DotNetPattern(pattern), RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            problems.Add($"{path} = '{text}' does not match /{pattern}/");
        }
    }

    /// <summary>
    /// The models write supplementary characters as Java surrogate-pair ranges (\uD800\uDC00-\uDBFF\uDFFF),
    /// which .NET reads as a reversed range; any surrogate is what they mean.
    /// </summary>
    private static string DotNetPattern(string pattern) =>
        SurrogatePairRange().Replace(pattern, @"\uD800-\uDFFF");

    [GeneratedRegex(@"\\uD[89AB][0-9A-F]{2}\\uD[C-F][0-9A-F]{2}-\\uD[89AB][0-9A-F]{2}\\uD[C-F][0-9A-F]{2}", RegexOptions.IgnoreCase)]
    private static partial Regex SurrogatePairRange();

    private static void CheckRange(JsonObject shape, long size, string path, string unit, List<string> problems)
    {
        if (shape["min"] is JsonNode min && size < min.GetValue<long>())
        {
            problems.Add($"{path} has {size} {unit}, fewer than the minimum {min}");
        }

        if (shape["max"] is JsonNode max && size > max.GetValue<long>())
        {
            problems.Add($"{path} has {size} {unit}, more than the maximum {max}");
        }
    }

    private static string Describe(JsonNode? value) => value switch
    {
        null => "missing",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => $"{v.GetValueKind()} {v.ToJsonString()}",
        _ => "unknown",
    };
}
