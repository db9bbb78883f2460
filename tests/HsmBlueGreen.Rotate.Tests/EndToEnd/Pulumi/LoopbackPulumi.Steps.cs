using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Slots;

namespace HsmBlueGreen.Rotate.Tests.EndToEnd.Pulumi;

/// <summary>One step of an update: the op Pulumi names it with, and the declared resource or the state it ends.</summary>
internal sealed record PlannedStep(string Op, string Urn, DeclaredResource? Declared, StateResource? Old);

/// <summary>
/// The engine's diff of program against state, as `preview --json` prints it (pulumi pkg/backend/display/json.go,
/// previewDigest): the root stack's step always, then every step but `same`; a `changeSummary` counting every op,
/// `same` included. Inputs under `ignoreChanges` are not diffed; no slot input here forces a replacement (the
/// program freezes the ones that would), so the ops are create, read, update, delete and discard (a read resource
/// leaving the program).
/// </summary>
internal sealed partial class LoopbackPulumi
{
    private List<PlannedStep> Plan(DeclaredProgram program)
    {
        var steps = new List<PlannedStep>();
        foreach (var declared in program.Resources)
        {
            var old = state.SingleOrDefault(s => s.Name == declared.Name);
            var op = old is null ? (declared.IsRead ? "read" : "create")
                : old.InitError || old.Inputs != declared.Inputs ? "update"
                : "same";
            steps.Add(new PlannedStep(op, declared.Urn(stack), declared, old));
        }

        // Pulumi deletes after it creates and updates, dependents first: the reverse of their declaration.
        foreach (var gone in Enumerable.Reverse(state).Where(s => program.Resources.All(r => r.Name != s.Name)))
        {
            var token = new DeclaredResource(gone.Name, gone.Type, new(), gone.IsRead, []).TypeToken;
            steps.Add(new PlannedStep(gone.IsRead ? "discard" : "delete", StackResourceNames.Urn(stack, token, gone.Name), null, gone));
        }

        return steps;
    }

    private string RootUrn => StackResourceNames.Urn(stack, "pulumi:pulumi:Stack", $"{StackResourceNames.Project}-{stack}");

    private JsonObject Preview(DeclaredProgram program)
    {
        var steps = Plan(program);
        var provider = StackResourceNames.Urn(stack, "pulumi:providers:aws", "default_7_48_0") + "::04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        var shown = steps.Where(s => s.Op != "same").Select(s => (JsonNode)new JsonObject
        {
            ["op"] = s.Op,
            ["urn"] = s.Urn,
            ["provider"] = provider,
            ["newState"] = s.Declared is null ? null : new JsonObject { ["urn"] = s.Urn, ["custom"] = true, ["type"] = s.Declared.TypeToken },
        });
        var summary = steps.GroupBy(s => s.Op).ToDictionary(g => g.Key, g => g.Count());
        summary["same"] = summary.GetValueOrDefault("same") + 1;
        return new JsonObject
        {
            ["steps"] = new JsonArray([new JsonObject { ["op"] = "same", ["urn"] = RootUrn }, .. shown]),
            ["changeSummary"] = new JsonObject([.. summary.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]),
            ["duration"] = 2_000_000_000,
        };
    }
}
