using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;

/// <summary>
/// `stack export`: the state as deployment v3 (pulumi/pulumi developer-docs/architecture/deployment-schema.md): the
/// resources with their URN and type, and `pending_operations` only when an interrupted update left some.
/// </summary>
internal sealed partial class LoopbackPulumi
{
    private JsonObject Export()
    {
        var deployment = new JsonObject
        {
            ["manifest"] = new JsonObject { ["time"] = "2026-11-29T00:00:00Z", ["magic"] = "loopback", ["version"] = "v3.140.0" },
            ["resources"] = new JsonArray([.. state.Select(r =>
            {
                var token = new DeclaredResource(r.Name, r.Type, new(), r.IsRead, []).TypeToken;
                return (JsonNode)new JsonObject { ["urn"] = StackResourceNames.Urn(stack, token, r.Name), ["custom"] = true, ["type"] = token };
            })]),
        };
        if (PendingOperations.Count > 0)
        {
            deployment["pending_operations"] = new JsonArray([.. PendingOperations.Select(p => (JsonNode)new JsonObject
            {
                ["resource"] = new JsonObject { ["urn"] = p.Urn, ["custom"] = true, ["type"] = p.Urn.Split("::")[2] },
                ["type"] = p.Type,
            })]);
        }

        return new JsonObject { ["version"] = 3, ["deployment"] = deployment };
    }
}
