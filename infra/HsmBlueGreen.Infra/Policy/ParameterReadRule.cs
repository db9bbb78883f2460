using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Policy;

/// <summary>
/// No role of the stack may read every SSM parameter: an instance that can is one SSM call away from any
/// secret an operator keeps in Parameter Store. AmazonSSMManagedInstanceCore, the usual way to make an
/// instance SSM-managed, grants ssm:GetParameter and ssm:GetParameters on "*" (AWS managed policy reference).
/// </summary>
internal sealed class ParameterReadRule : IPolicyRule
{
    public const string Name = "no-read-of-every-parameter";

    /// <summary>AWS managed policies whose documents allow ssm:GetParameter(s) on "*" (AWS managed policy reference pages).</summary>
    public static readonly IReadOnlySet<string> BroadManagedPolicies = new HashSet<string>(StringComparer.Ordinal)
    {
        "arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore",
        "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess",
    };

    private static readonly string[] ParameterReads = ["ssm:GetParameter", "ssm:GetParameters"];

    public IEnumerable<PolicyViolation> Check(StackProgram program, PolicyContext context)
    {
        foreach (var (resource, attachment) in program.All<IamRolePolicyAttachment>())
        {
            if (BroadManagedPolicies.Contains(attachment.PolicyArn))
            {
                yield return new(Name, resource.Name, $"attaches {attachment.PolicyArn}, which allows ssm:GetParameter on every parameter", "attach PolicyDocuments.SsmAgent (the agent's own calls) and a read of the one parameter needed instead");
            }
        }

        foreach (var (resource, policy) in program.All<IamRolePolicy>())
        {
            if (Statements(policy.Policy.Document).Any(ReadsEveryParameter))
            {
                yield return new(Name, resource.Name, "allows ssm:GetParameter(s) on \"*\"", "name the parameter's ARN (PolicyDocuments.ParameterArn) as the statement's Resource");
            }
        }
    }

    private static IEnumerable<JsonObject> Statements(JsonNode document) =>
        document["Statement"] switch
        {
            JsonArray list => list.OfType<JsonObject>(),
            JsonObject one => [one],
            _ => [],
        };

    private static bool ReadsEveryParameter(JsonObject statement) =>
        (string?)statement["Effect"] == "Allow"
        && Values(statement["Resource"]).Contains("*")
        && Values(statement["Action"]).Any(action => ParameterReads.Any(read => Matches(action, read)));

    private static IEnumerable<string> Values(JsonNode? node) => node switch
    {
        JsonArray list => list.Select(v => (string?)v).OfType<string>(),
        JsonValue value when value.TryGetValue<string>(out var one) => [one],
        _ => [],
    };

    /// <summary>IAM action matching: case-insensitive, '*' for any run of characters and '?' for one.</summary>
    private static bool Matches(string pattern, string action) =>
        Regex.IsMatch(
            action,
            "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal).Replace("\\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
