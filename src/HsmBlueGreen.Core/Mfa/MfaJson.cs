using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HsmBlueGreen.Core.Mfa;

/// <summary>
/// Reading and writing the HSM tools' small JSON files. Messages quote positions and property
/// names, never content: a malformed file may hold signatures.
/// </summary>
internal static class MfaJson
{
    // Base64 is full of '+' and '/', which the default encoder would escape as \u002B.
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // A second "signed" or "Digest" would leave it unclear which one the HSM tool reads.
    private static readonly JsonDocumentOptions ReadOptions = new() { AllowDuplicateProperties = false };

    public static JsonObject ParseObject(string text, string source)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text, documentOptions: ReadOptions);
        }
        catch (JsonException e)
        {
            // The reader gives a position for syntax errors; only the duplicate check comes without one.
            var what = e.LineNumber is { } line
                ? $"line {line + 1}, column {(e.BytePositionInLine ?? 0) + 1}"
                : "a property appears more than once";
            throw new MfaInputException($"{source} is not valid JSON ({what}); use the file exactly as the HSM tool wrote it.", e);
        }

        return node as JsonObject
            ?? throw new MfaInputException($"{source} is not a JSON object; use the file exactly as the HSM tool wrote it.");
    }

    public static void RequireVersion(JsonObject root, string property, string expected, string source, string tool)
    {
        var version = OptionalString(root, property, source);
        if (!string.Equals(version, expected, StringComparison.Ordinal))
        {
            var found = version is null ? "no" : $"'{version}' as";
            throw new MfaInputException($"{source} has {found} \"{property}\"; only \"{expected}\" ({tool}) is known. Check that the file comes from {tool}.");
        }
    }

    public static JsonArray RequiredArray(JsonObject parent, string property, string source)
    {
        if (parent[property] is not JsonArray array || array.Count == 0)
        {
            throw new MfaInputException($"{source} has no \"{property}\" list with entries; use the file exactly as the HSM tool wrote it.");
        }

        return array;
    }

    public static JsonObject Entry(JsonArray array, int index, string where) =>
        array[index] as JsonObject
            ?? throw new MfaInputException($"{where} is not a JSON object; use the file exactly as the HSM tool wrote it.");

    public static string RequiredString(JsonObject parent, string property, string where) =>
        OptionalString(parent, property, where)
            ?? throw new MfaInputException($"{where} has no \"{property}\"; use the file exactly as the HSM tool wrote it.");

    /// <summary>A string property, or null when it is missing or JSON null.</summary>
    public static string? OptionalString(JsonObject parent, string property, string where)
    {
        var node = parent[property];
        if (node is null)
        {
            return null;
        }

        if (node is JsonValue value && value.TryGetValue<string>(out var text))
        {
            return text;
        }

        throw new MfaInputException($"{where} has a \"{property}\" that is not a string; use the file exactly as the HSM tool wrote it.");
    }

    public static string Write(JsonNode root) => root.ToJsonString(WriteOptions) + "\n";
}
