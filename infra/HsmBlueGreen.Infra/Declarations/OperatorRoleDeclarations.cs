using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// The role that runs hsm-rotate (`operatorRoleName`, an existing role): the stack attaches the operator policy
/// (exactly the rotation's calls, on this stack's resources, plus the deny statements) and the read-only audit
/// policy, both generated from the adapters' operation catalogue.
/// </summary>
internal static class OperatorRoleDeclarations
{
    public const string OperatorPolicy = "operator-policy";
    public const string AuditPolicy = "operator-audit-policy";

    public static void Add(DeclaredResources declarations, StackSettings settings)
    {
        if (settings.OperatorRoleName is not { } role)
        {
            return;
        }

        declarations.Add(OperatorPolicy, new IamRolePolicy(role, RoleGuardrails.Json(AccessPolicies.Operator(settings.Stack))));
        declarations.Add(AuditPolicy, new IamRolePolicy(role, RoleGuardrails.Json(AccessPolicies.Audit(settings.Stack))));
    }
}
