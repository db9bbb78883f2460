using System.Text.Json;
using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Infra.Emit;

namespace HsmBlueGreen.Infra.Cli;

/// <summary>
/// Refuses a Pulumi run whose PULUMI_STACK does not name the stack PULUMI_CONFIG came from. pulumi-yaml starts
/// the compiler with its own PULUMI_* variables followed by the caller's whole environment, and the last
/// duplicate wins (pulumi-yaml run.go, test TestEnvVarsKeepConflictingValues): an exported PULUMI_STACK=prod
/// beats `pulumi preview --stack dev`, which still passes dev's config. The program would then be built from
/// dev's config under prod's name (protection, tags, names). The compiler cannot see the --stack flag, so it
/// compares the ids that tell stacks apart with Pulumi.&lt;PULUMI_STACK&gt;.yaml. It fails rather than warns:
/// the YAML host shows a compiler's stderr only when the compiler fails.
/// </summary>
internal static class PulumiStackCheck
{
    private static readonly string[] IdentityKeys = ["aws:region", ProjectNamespace.Name + ":vpcId"];
    private static readonly string[] SlotIdentityKeys = ["clusterId", "sourceBackupId"];

    public static void Check(IProjectFiles files, string stack, string configJson)
    {
        var stackFileName = StackConfigLoader.StackFileName(stack);
        var text = files.Read(stackFileName);
        if (text is null || YamlText.Read(text)?["config"] is not JsonObject file || Parse(configJson) is not { } config)
        {
            return;
        }

        var differences = new List<string>();
        foreach (var key in IdentityKeys)
        {
            Compare(key, Scalar(config.GetValueOrDefault(key)), Scalar(file[key]), differences);
        }

        var slotsKey = ProjectNamespace.Name + ":slots";
        var configSlots = Scalar(config.GetValueOrDefault(slotsKey)) is { } json ? Parse(json) : null;
        foreach (var (color, fileSlot) in file[slotsKey] as JsonObject ?? [])
        {
            foreach (var key in SlotIdentityKeys)
            {
                Compare($"{slotsKey}.{color}.{key}", Scalar(configSlots?.GetValueOrDefault(color)?[key]), Scalar(fileSlot?[key]), differences);
            }
        }

        if (differences.Count > 0)
        {
            throw new ConfigException(
                $"PULUMI_STACK is '{stack}' but PULUMI_CONFIG is not {stackFileName}'s config ({string.Join("; ", differences)}): " +
                "an exported PULUMI_STACK overrides the stack pulumi runs, because Pulumi's YAML host passes your environment after its own variables. " +
                "Fix: 'unset PULUMI_STACK PULUMI_CONFIG' and choose the stack with --stack or 'pulumi stack select'.");
        }
    }

    /// <summary>Only ids both sides state are compared: a key either leaves out says nothing about the stack.</summary>
    private static void Compare(string key, string? inConfig, string? inFile, List<string> differences)
    {
        if (inConfig is not null && inFile is not null && !string.Equals(inConfig, inFile, StringComparison.Ordinal))
        {
            differences.Add($"{key} is '{inConfig}' there and '{inFile}' in the file");
        }
    }

    private static string? Scalar(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static Dictionary<string, JsonNode?>? Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject map ? map.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal) : null;
        }
        catch (JsonException)
        {
            // The loader reports a malformed PULUMI_CONFIG with its own message.
            return null;
        }
    }
}
