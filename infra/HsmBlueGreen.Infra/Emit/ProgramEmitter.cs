using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Model;

namespace HsmBlueGreen.Infra.Emit;

/// <summary>
/// Prints the program as Pulumi YAML and checks the text before anyone sees it: the YAML host likely crashes
/// on a program it cannot parse instead of reporting it, so a program that does not read back exactly, or
/// refers to a name it does not declare, is our bug and never reaches stdout.
/// </summary>
public static class ProgramEmitter
{
    public static string Emit(StackProgram program)
    {
        var document = ProgramDocument.From(program);
        var text = YamlText.Write(document);
        Verify(text, document);
        return text;
    }

    public static void Verify(string text, JsonObject expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var actual = YamlText.Read(text) ?? throw new InvalidOperationException("the emitted program is empty");
        if (!string.Equals(actual.ToJsonString(), expected.ToJsonString(), StringComparison.Ordinal))
        {
            throw new InvalidOperationException("the emitted program does not read back as the program that was built");
        }

        var known = new HashSet<string>(StringComparer.Ordinal) { "pulumi" };
        known.UnionWith(Keys(expected["resources"]));
        known.UnionWith(Keys(expected["config"]));
        foreach (var access in Strings(expected).SelectMany(Interpolation.Accesses))
        {
            var root = Interpolation.Root(access);
            if (!known.Contains(root) && !root.Contains(':', StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"the emitted program refers to '{root}' in ${{{access}}}, which it does not declare");
            }
        }
    }

    private static IEnumerable<string> Keys(JsonNode? node) => node is JsonObject map ? map.Select(p => p.Key) : [];

    /// <summary>Every string value in the tree (not keys).</summary>
    public static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject map => map.SelectMany(p => Strings(p.Value)),
        JsonArray list => list.SelectMany(Strings),
        JsonValue value when value.TryGetValue<string>(out var s) => [s],
        _ => [],
    };
}
