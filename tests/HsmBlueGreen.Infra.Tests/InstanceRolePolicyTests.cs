using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>
/// What the instance roles may call besides their slot's secret: only the SSM agent's own channel and the
/// cluster's trust anchor. AmazonSSMManagedInstanceCore also grants ssm:GetParameter(s) on every parameter.
/// </summary>
public sealed class InstanceRolePolicyTests
{
    private static readonly string[] AgentActions =
    [
        "ssm:UpdateInstanceInformation",
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
        "ec2messages:AcknowledgeMessage",
        "ec2messages:DeleteMessage",
        "ec2messages:FailMessage",
        "ec2messages:GetEndpoint",
        "ec2messages:GetMessages",
        "ec2messages:SendReply",
    ];

    private static StackProgram Prod => Programs.ShippedProgram("prod");

    [Fact]
    public void NoRoleOfTheStackHasAManagedPolicyAttached()
    {
        Assert.Empty(Prod.All<IamRolePolicyAttachment>());
    }

    [Theory]
    [InlineData("blue-admin-ssm")]
    [InlineData("green-client-ssm")]
    public void InstanceRolesGrantTheSsmAgentOnlyItsOwnChannelCalls(string policy)
    {
        var statements = Prod.Body<IamRolePolicy>(policy).Policy.Document["Statement"]!.AsArray();

        Assert.Equal(AgentActions.Order(StringComparer.Ordinal), statements.SelectMany(Actions).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(statements.SelectMany(Actions), a => a.StartsWith("ssm:Get", StringComparison.Ordinal));
    }

    [Fact]
    public void TheOnlyParameterAnInstanceRoleReadsIsTheTrustAnchor()
    {
        var parameterReads = Prod.All<IamRolePolicy>()
            .Where(p => p.Resource.Name.StartsWith("green-", StringComparison.Ordinal))
            .SelectMany(p => p.Body.Policy.Document["Statement"]!.AsArray())
            .Where(s => Actions(s).Any(a => a.StartsWith("ssm:GetParameter", StringComparison.Ordinal)))
            .Select(s => (string?)s!["Resource"])
            .Distinct();

        Assert.Equal(["arn:aws:ssm:*:*:parameter/hsm-blue-green/prod/customerCA.crt"], parameterReads);
    }

    [Theory]
    [InlineData("arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore")]
    [InlineData("arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess")]
    public void AManagedPolicyThatReadsEveryParameterIsRejectedOnAnyRole(string policyArn)
    {
        var program = PolicyCheck.Valid with
        {
            Resources = [.. PolicyCheck.Valid.Resources, Declared("blue-admin-extra", new IamRolePolicyAttachment("${blue-admin-role.name}", policyArn))],
        };

        var violation = Assert.Single(PolicyCheck.Run(program));
        Assert.Equal((ParameterReadRule.Name, "blue-admin-extra"), (violation.Rule, violation.Resource));
    }

    [Theory]
    [InlineData("ssm:GetParameters")]
    [InlineData("ssm:Get*")]
    [InlineData("ssm:*")]
    public void AnInlinePolicyThatReadsEveryParameterIsRejected(string action)
    {
        var program = PolicyCheck.Change<IamRolePolicy>("green-client-policy", p => p with
        {
            Policy = new JsonText(new JsonObject
            {
                ["Version"] = "2012-10-17",
                ["Statement"] = new JsonArray(new JsonObject { ["Effect"] = "Allow", ["Action"] = action, ["Resource"] = "*" }),
            }),
        });

        var violation = Assert.Single(PolicyCheck.Run(program));
        Assert.Equal((ParameterReadRule.Name, "green-client-policy"), (violation.Rule, violation.Resource));
    }

    private static Resource Declared(string name, ResourceBody body) => new(name, body, new ResourceOptions(Declarations.AwsProvider.Version));

    private static IEnumerable<string> Actions(JsonNode? statement) =>
        statement!["Action"] is JsonArray list ? list.Select(a => (string)a!) : [(string)statement["Action"]!];
}
