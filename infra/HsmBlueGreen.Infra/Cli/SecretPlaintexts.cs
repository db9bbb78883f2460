using System.Text.Json;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Secrets;

namespace HsmBlueGreen.Infra.Cli;

/// <summary>
/// The decrypted values PULUMI_CONFIG carries for the stack's secret keys, held only as <see cref="Sensitive"/>
/// so the policy can prove none of them is in the program. They are never printed.
/// </summary>
internal static class SecretPlaintexts
{
    public static IReadOnlyList<Sensitive> From(IProjectFiles files, string stack, string configJson)
    {
        var stackFile = files.Read(StackConfigLoader.StackFileName(stack));
        if (stackFile is null || string.IsNullOrWhiteSpace(configJson))
        {
            return [];
        }

        var secretKeys = StackFileReader.Read(StackConfigLoader.StackFileName(stack), stackFile).SecretKeys;
        Dictionary<string, string?>? values;
        try
        {
            values = JsonSerializer.Deserialize(configJson, ConfigJsonContext.Default.DictionaryStringString);
        }
        catch (JsonException)
        {
            // The loader has already reported a malformed PULUMI_CONFIG; nothing to look for.
            return [];
        }

        return [.. (values ?? []).Where(v => ProjectNamespace.Strip(v.Key) is { } key && secretKeys.Contains(key) && !string.IsNullOrEmpty(v.Value))
            .Select(v => new Sensitive(v.Value!))];
    }
}
