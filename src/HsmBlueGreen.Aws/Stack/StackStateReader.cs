using System.Text.Json;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Stack;

/// <summary>
/// Reads `pulumi stack export`: `{"version": 3, "deployment": {...}}`, whose deployment lists the operations an
/// interrupted update left as `pending_operations`, each with its `resource` (carrying `urn`) and `type`
/// (pulumi/pulumi developer-docs/architecture/deployment-schema.md); the list is left out when there are none.
/// </summary>
public static class StackStateReader
{
    public static IReadOnlyList<PendingOperation> PendingOperations(JsonElement export)
    {
        if (export.ValueKind != JsonValueKind.Object || !export.TryGetProperty("deployment", out var deployment) || deployment.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("a stack export is an object with a deployment");
        }

        if (!deployment.TryGetProperty("pending_operations", out var pending) || pending.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        return [.. pending.EnumerateArray().Select(operation => new PendingOperation(
            operation.GetProperty("resource").GetProperty("urn").GetString() ?? throw new JsonException("a pending operation without a resource urn"),
            operation.GetProperty("type").GetString() ?? throw new JsonException("a pending operation without a type")))];
    }
}
