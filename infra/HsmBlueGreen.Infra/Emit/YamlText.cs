using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HsmBlueGreen.Infra.Emit;

/// <summary>
/// JSON-shaped trees to YAML text and back, with YAML 1.2 core-schema typing: a string that would read back
/// as a number, boolean or null is quoted, multi-line text is a literal block, and reading resolves plain
/// scalars the same way, so a round trip is exact.
/// </summary>
public static partial class YamlText
{
    public static string Write(JsonNode document)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(bestIndent: 2, bestWidth: int.MaxValue, isCanonical: false, maxSimpleKeyLength: 1024));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        Emit(emitter, document);
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    /// <summary>The first document as a tree; throws <see cref="YamlException"/> on text that is not YAML.</summary>
    public static JsonNode? Read(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : ToJson(stream.Documents[0].RootNode);
    }

    private static void Emit(IEmitter emitter, JsonNode? node)
    {
        switch (node)
        {
            case JsonObject map:
                emitter.Emit(new MappingStart(null, null, isImplicit: true, map.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, value) in map)
                {
                    emitter.Emit(StringScalar(key));
                    Emit(emitter, value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case JsonArray list:
                emitter.Emit(new SequenceStart(null, null, isImplicit: true, list.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in list)
                {
                    Emit(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                emitter.Emit(StringScalar(value.GetValue<string>()));
                break;
            case JsonValue value:
                emitter.Emit(new Scalar(null, null, value.ToJsonString(), ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
            default:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
                break;
        }
    }

    private static Scalar StringScalar(string text)
    {
        var style = text.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : Resolve(text) is not JsonValue v || v.GetValueKind() != JsonValueKind.String || TimestampPattern().IsMatch(text) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Plain;
        return new Scalar(null, null, text, style, isPlainImplicit: true, isQuotedImplicit: true);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? string.Empty, ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any } scalar => Resolve(scalar.Value ?? string.Empty),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? string.Empty),
        _ => throw new YamlException($"unsupported YAML node {node.NodeType}"),
    };

    /// <summary>How a plain scalar reads under the YAML 1.2 core schema.</summary>
    private static JsonNode? Resolve(string plain)
    {
        if (plain.Length == 0 || NullPattern().IsMatch(plain))
        {
            return null;
        }

        if (BoolPattern().IsMatch(plain))
        {
            return JsonValue.Create(plain.StartsWith('t') || plain.StartsWith('T'));
        }

        if (IntPattern().IsMatch(plain) && long.TryParse(plain, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return FloatPattern().IsMatch(plain) ? JsonValue.Create(double.Parse(plain, CultureInfo.InvariantCulture)) : JsonValue.Create(plain);
    }

    /// <summary>YAML 1.1 timestamps: Go's YAML library tags these !!timestamp, so they are quoted to stay strings.</summary>
    [GeneratedRegex(@"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")]
    private static partial Regex TimestampPattern();

    [GeneratedRegex("^(null|Null|NULL|~)$")]
    private static partial Regex NullPattern();

    [GeneratedRegex("^(true|True|TRUE|false|False|FALSE)$")]
    private static partial Regex BoolPattern();

    [GeneratedRegex("^([-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$")]
    private static partial Regex FloatPattern();
}
