using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>Every role the stack creates carries an inline policy denying every destructive CloudHSM action.</summary>
internal sealed class RoleGuardrailRule : IPolicyRule
{
    public const string Name = "deny-destructive-on-every-role";

    public IEnumerable<PolicyViolation> Check(StackProgram program, PolicyContext context)
    {
        var policies = program.All<IamRolePolicy>().Select(p => p.Body).ToList();
        foreach (var (role, _) in program.All<IamRole>())
        {
            var denied = policies.Where(p => p.Role == role.Output("name")).SelectMany(p => DeniedActions(p.Policy)).ToHashSet(StringComparer.Ordinal);
            var missing = DestructiveActions.All.Where(a => !denied.Contains(a)).ToList();
            if (missing.Count > 0)
            {
                yield return new(Name, role.Name, $"does not deny {string.Join(", ", missing)}", "attach DestructiveActions.RoleDenyStatements (RoleGuardrails.Add) to the role");
            }
        }
    }

    private static IEnumerable<string> DeniedActions(JsonText policy) =>
        (policy.Document["Statement"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(s => (string?)s["Effect"] == "Deny")
            .SelectMany(s => s["Action"] is JsonArray list ? list.Select(a => (string?)a) : [(string?)s["Action"]])
            .OfType<string>();
}
