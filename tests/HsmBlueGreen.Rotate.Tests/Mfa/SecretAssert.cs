using System.Text.Json.Nodes;

namespace HsmBlueGreen.Rotate.Tests.Mfa;

/// <summary>Checks that nothing a run printed holds a passphrase, a line of private key or a signature.</summary>
internal static class SecretAssert
{
    public static void NothingSecretIn(MfaWorkspace workspace, CliRun run)
    {
        var printed = run.Output;
        Assert.DoesNotContain("PRIVATE KEY-----", printed, StringComparison.Ordinal);
        foreach (var value in workspace.Environment.Values)
        {
            Assert.DoesNotContain(value, printed, StringComparison.Ordinal);
        }

        foreach (var line in Directory.GetFiles(workspace.Root, "*.key").SelectMany(File.ReadAllLines).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line, printed, StringComparison.Ordinal);
        }

        foreach (var signature in Directory.GetFiles(workspace.Root).SelectMany(SignaturesIn))
        {
            Assert.DoesNotContain(signature, printed, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<string> SignaturesIn(string path)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            yield break;
        }

        var entries = (root?["tokens"] ?? root?["Data"]) as JsonArray ?? [];
        foreach (var entry in entries.OfType<JsonObject>())
        {
            if ((entry["signed"] ?? entry["Signature"]) is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0)
            {
                yield return text;
            }
        }
    }
}
