namespace HsmBlueGreen.Core.Policies;

/// <summary>
/// The CloudHSM actions the security card names as what attackers and accidents do, and the deny statements
/// that guard them. Only retire may delete HSMs and clusters, and only on a cluster tagged as retiring; nothing
/// the stack creates may ever delete a backup, copy one to another region or attach a resource policy.
/// </summary>
public static class DestructiveActions
{
    public static readonly IReadOnlyList<string> RetireMayUse = ["cloudhsm:DeleteCluster", "cloudhsm:DeleteHsm"];

    public static readonly IReadOnlyList<string> NeverAllowed = ["cloudhsm:CopyBackupToRegion", "cloudhsm:DeleteBackup", "cloudhsm:PutResourcePolicy"];

    public static IReadOnlyList<string> All { get; } = [.. RetireMayUse.Concat(NeverAllowed).Order(StringComparer.Ordinal)];

    /// <summary>
    /// For every role of one stack. Conditions in one statement must all match for the deny to apply, so
    /// "deny unless retiring and of this stack" takes one statement per requirement.
    /// </summary>
    public static IReadOnlyList<PolicyStatement> RoleDenyStatements(string stack) =>
    [
        new("DenyCloudHsmBackupDestruction", PolicyEffect.Deny, NeverAllowed, ["*"]),
        new("DenyHsmDeletionUnlessRetiring", PolicyEffect.Deny, RetireMayUse, ["*"], [NotTagged(StackTags.SlotState, StackTags.Retiring)]),
        new("DenyHsmDeletionOutsideStack", PolicyEffect.Deny, RetireMayUse, ["*"], [NotTagged(StackTags.Stack, stack)]),
    ];

    internal static PolicyCondition NotTagged(string tag, string value) => new("StringNotEquals", StackTags.ResourceTagKey(tag), [value]);
}
