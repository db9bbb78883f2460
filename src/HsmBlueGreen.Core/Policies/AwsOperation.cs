namespace HsmBlueGreen.Core.Policies;

/// <summary>Whether a call only reads or changes something in the account.</summary>
public enum OperationAccess
{
    Read,
    Write,
}

/// <summary>Which program makes the call: the rotation's operator policy and the audit policy are built from these.</summary>
[Flags]
public enum OperationUse
{
    Rotate = 1,
    Audit = 2,
}

/// <summary>
/// One AWS API operation an adapter calls. <paramref name="Service"/> is the IAM prefix ("cloudhsm", "cloudwatch");
/// <paramref name="ResourceArn"/> is null where the action has no resource-level permissions (policy Resource "*"),
/// otherwise the ARN pattern the policy allows it on, further limited to this stack by its tag.
/// <paramref name="TagKeys"/> limits a tagging call to the tag keys matching that pattern.
/// </summary>
public sealed record AwsOperation(string Service, string Name, OperationAccess Access, OperationUse Use, string? ResourceArn = null, string? TagKeys = null)
{
    /// <summary>Every action here is named in IAM exactly as the API operation.</summary>
    public string IamAction => $"{Service}:{Name}";

    public bool UsedBy(OperationUse use) => (Use & use) == use;

    public override string ToString() => IamAction;
}
