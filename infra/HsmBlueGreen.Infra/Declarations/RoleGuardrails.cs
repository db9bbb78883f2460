using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// The deny statements on every role the stack creates (DestructiveActions): none of them may delete a
/// backup, copy one away or attach a resource policy, and only a cluster tagged as retiring may be deleted.
/// </summary>
internal static class RoleGuardrails
{
    public const string Suffix = "-deny-destructive";

    public static void Add(DeclaredResources declarations, StackSettings settings, Resource role)
    {
        ArgumentNullException.ThrowIfNull(role);
        declarations.Add(role.Name + Suffix, new IamRolePolicy(role.Output("name"), Json(new PolicyDocument(DestructiveActions.RoleDenyStatements(settings.Stack)))));
    }

    /// <summary>A generated Core policy as the program prints policies (fn::toJSON of the document).</summary>
    public static JsonText Json(PolicyDocument document) => new(JsonNode.Parse(document.ToJson(indented: false))!);
}
