using System.Text.Json.Serialization;

namespace HsmBlueGreen.Infra.Model.Aws;

/// <summary>aws:iam:Role.</summary>
public sealed record IamRole(JsonText AssumeRolePolicy, string Description) : AwsResource
{
    public const string Token = "aws:iam:Role";

    [JsonIgnore]
    public override string Type => Token;

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}

/// <summary>aws:iam:RolePolicy: an inline policy, so it is deleted with its role.</summary>
public sealed record IamRolePolicy(string Role, JsonText Policy) : AwsResource
{
    public const string Token = "aws:iam:RolePolicy";

    [JsonIgnore]
    public override string Type => Token;
}

/// <summary>aws:iam:RolePolicyAttachment.</summary>
public sealed record IamRolePolicyAttachment(string Role, string PolicyArn) : AwsResource
{
    public const string Token = "aws:iam:RolePolicyAttachment";

    [JsonIgnore]
    public override string Type => Token;
}

/// <summary>aws:iam:InstanceProfile.</summary>
public sealed record IamInstanceProfile(string Role) : AwsResource
{
    public const string Token = "aws:iam:InstanceProfile";

    [JsonIgnore]
    public override string Type => Token;

    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
