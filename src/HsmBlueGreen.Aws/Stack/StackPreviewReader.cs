using System.Text.Json;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Stack;

/// <summary>
/// Reads `pulumi preview --json`: the engine's preview digest, whose `steps` each carry `op` and `urn`
/// (pulumi/pulumi pkg/backend/display/json.go); `steps` is left out when there is nothing to do.
/// </summary>
public static class StackPreviewReader
{
    public static StackPreview Read(JsonElement digest)
    {
        if (digest.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a preview digest is an object");
        }

        if (!digest.TryGetProperty("steps", out var steps) || steps.ValueKind == JsonValueKind.Null)
        {
            return new StackPreview([]);
        }

        return new StackPreview([.. steps.EnumerateArray().Select(step => new PreviewStep(
            step.GetProperty("op").GetString() ?? throw new JsonException("a step without op"),
            step.GetProperty("urn").GetString() ?? throw new JsonException("a step without urn")))]);
    }
}
