namespace HsmBlueGreen.Core.Policies;

/// <summary>
/// What an account administrator applies above any one stack: a service control policy that denies the
/// destructive CloudHSM actions to everyone but a named break-glass role (retire keeps DeleteHsm/DeleteCluster
/// on clusters tagged as retiring), and the permissions boundary for the roles of one stack.
/// </summary>
public static class GuardrailPolicies
{
    public const string DefaultBreakGlassRole = "hsm-break-glass";

    /// <summary>Limits for `aws organizations create-policy --type SERVICE_CONTROL_POLICY`.</summary>
    public const int ScpMaxCharacters = 5120;

    public static PolicyDocument ServiceControlPolicy(string breakGlassRole)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(breakGlassRole);
        var outsideBreakGlass = new PolicyCondition("ArnNotLike", "aws:PrincipalArn", [$"arn:aws:iam::*:role/{breakGlassRole}"]);
        return new(
        [
            new("DenyCloudHsmBackupDestruction", PolicyEffect.Deny, DestructiveActions.NeverAllowed, ["*"], [outsideBreakGlass]),
            new("DenyHsmDeletionUnlessRetiring", PolicyEffect.Deny, DestructiveActions.RetireMayUse, ["*"], [outsideBreakGlass, DestructiveActions.NotTagged(StackTags.SlotState, StackTags.Retiring)]),
        ]);
    }

    /// <summary>Everything else stays with the role's own policies; the boundary only takes the destructive actions away.</summary>
    public static PolicyDocument PermissionsBoundary(string stack) =>
        new([new("AllowWithinBoundary", PolicyEffect.Allow, ["*"], ["*"]), .. DestructiveActions.RoleDenyStatements(stack)]);
}
