using System.Text.Json;

namespace HsmBlueGreen.Core.Tests.Policies;

/// <summary>Reads generated policy text back as plain JSON, so the tests check what AWS would read, not our records.</summary>
internal static class PolicyJson
{
    public static IReadOnlyList<JsonElement> Statements(string text) =>
        [.. JsonDocument.Parse(text).RootElement.GetProperty("Statement").EnumerateArray()];

    public static JsonElement Statement(string text, string sid) =>
        Statements(text).Single(s => s.GetProperty("Sid").GetString() == sid);

    public static SortedSet<string> Actions(string text, string effect) =>
        new(Statements(text).Where(s => s.GetProperty("Effect").GetString() == effect && s.TryGetProperty("Action", out _)).SelectMany(s => Values(s.GetProperty("Action"))), StringComparer.Ordinal);

    public static IReadOnlyList<string> Values(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? [.. value.EnumerateArray().Select(v => v.GetString()!)] : [value.GetString()!];

    /// <summary>Condition operator -> key -> values, flattened to "operator key=value|value" lines.</summary>
    public static SortedSet<string> Conditions(JsonElement statement) =>
        !statement.TryGetProperty("Condition", out var condition)
            ? []
            : new(condition.EnumerateObject().SelectMany(op => op.Value.EnumerateObject().Select(k => $"{op.Name} {k.Name}={string.Join('|', Values(k.Value))}")), StringComparer.Ordinal);
}
