namespace HsmBlueGreen.Core.Policies;

/// <summary>
/// The identity policies of one stack, generated from the <see cref="OperationCatalogue"/>: the operator policy
/// allows exactly what a rotation calls (plus the deny statements), the audit policy exactly what the audit calls.
/// Actions without resource-level permissions get Resource "*"; the others their ARN pattern and this stack's tag.
/// </summary>
public static class AccessPolicies
{
    public static PolicyDocument Operator(string stack) =>
        new([.. AllowStatements(OperationCatalogue.UsedBy(OperationUse.Rotate), stack), .. DestructiveActions.RoleDenyStatements(stack)]);

    /// <summary>
    /// Read-only but for one exception: reading the HSM user list means running `user list` on an admin host
    /// through ssm:SendCommand, which the policy allows only on this stack's instances and AWS-RunShellScript.
    /// </summary>
    public static PolicyDocument Audit(string stack) =>
        new([.. AllowStatements(OperationCatalogue.UsedBy(OperationUse.Audit), stack)]);

    private static IEnumerable<PolicyStatement> AllowStatements(IReadOnlyList<AwsOperation> operations, string stack)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stack);
        var unscoped = operations.Where(o => o.ResourceArn is null).Select(o => o.IamAction).Order(StringComparer.Ordinal).ToList();
        if (unscoped.Count > 0)
        {
            yield return new PolicyStatement("ReadWithoutResourceScope", PolicyEffect.Allow, unscoped, ["*"]);
        }

        var stackTag = new PolicyCondition("StringEquals", StackTags.ResourceTagKey(StackTags.Stack), [stack]);
        var scoped = operations.Where(o => o.ResourceArn is not null).GroupBy(o => (o.Service, o.ResourceArn, o.TagKeys))
            .OrderBy(g => g.Key.Service, StringComparer.Ordinal).ThenBy(g => g.Key.TagKeys is not null);
        foreach (var group in scoped)
        {
            var actions = group.Select(o => o.IamAction).Order(StringComparer.Ordinal).ToList();
            var sid = SidPart(group.Key.Service) + (group.Key.TagKeys is null ? "OnStackResources" : "LockTagsOnStackResources");
            PolicyCondition[] conditions = group.Key.TagKeys is { } keys
                ? [stackTag, new PolicyCondition("ForAllValues:StringLike", "aws:TagKeys", [keys])]
                : [stackTag];
            yield return new PolicyStatement(sid, PolicyEffect.Allow, actions, [group.Key.ResourceArn!], conditions);
        }

        if (operations.Contains(OperationCatalogue.Ssm.SendCommand))
        {
            yield return new PolicyStatement("SsmRunShellScriptDocument", PolicyEffect.Allow, [OperationCatalogue.Ssm.SendCommand.IamAction], [OperationCatalogue.Ssm.RunShellScriptDocument]);
        }
    }

    /// <summary>"elasticloadbalancing" becomes "Elasticloadbalancing": a Sid is letters and digits only.</summary>
    private static string SidPart(string service) => char.ToUpperInvariant(service[0]) + service[1..];
}
