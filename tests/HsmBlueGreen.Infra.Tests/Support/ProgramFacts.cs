using System.Text.Json.Nodes;

namespace HsmBlueGreen.Infra.Tests.Support;

/// <summary>Facts read from a printed program, for comparing programs with each other.</summary>
internal static class ProgramFacts
{
    /// <summary>The (type, options.version) pairs: what plugin discovery learns from a program.</summary>
    public static HashSet<(string Type, string? Version)> TypesAndVersions(JsonObject program) =>
        [.. program["resources"]!.AsObject().Select(r => ((string)r.Value!["type"]!, (string?)r.Value!["options"]?["version"]))];
}
