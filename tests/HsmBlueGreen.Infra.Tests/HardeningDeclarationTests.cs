using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Core.Tests.Settings;
using HsmBlueGreen.Infra.Declarations;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;
using HsmBlueGreen.Infra.Policy;
using HsmBlueGreen.Infra.Tests.Support;

namespace HsmBlueGreen.Infra.Tests;

/// <summary>Flow logs on the HSM subnets, the deny statements on every created role, and the operator role's generated policies.</summary>
public sealed class HardeningDeclarationTests
{
    private const string Anchor = "  hsm-blue-green:clientAmiId:";

    private static StackProgram With(string line) => Programs.Build(StackYaml.Replace(Anchor, $"  {line}\n{Anchor}"));

    [Fact]
    public void EveryHsmSubnetHasAFlowLogToTheStacksLogGroup()
    {
        var program = PolicyCheck.Valid;

        var logs = program.All<FlowLog>().Select(f => (f.Body.SubnetId, f.Body.TrafficType, f.Body.LogDestination, f.Body.IamRoleArn)).ToList();

        Assert.Equal(
            [("subnet-0a1b2c3d4e5f60718", "ALL", "${flow-logs.arn}", "${flow-logs-role.arn}"), ("subnet-0a1b2c3d4e5f60719", "ALL", "${flow-logs.arn}", "${flow-logs-role.arn}")],
            logs);
    }

    [Fact]
    public void FlowLogsAreKeptForTheConfiguredRetention()
    {
        Assert.Equal(90, PolicyCheck.Valid.Body<LogGroup>(FlowLogDeclarations.LogGroupName).RetentionInDays);
        Assert.Equal(365, With("hsm-blue-green:flowLogRetentionDays: \"365\"").Body<LogGroup>(FlowLogDeclarations.LogGroupName).RetentionInDays);
    }

    [Fact]
    public void EveryCreatedRoleDeniesTheDestructiveActions()
    {
        var program = PolicyCheck.Valid;
        var roles = program.All<IamRole>().Select(r => r.Resource.Name).ToList();

        Assert.Equal(["blue-admin-role", "blue-client-role", "green-admin-role", "green-client-role", FlowLogDeclarations.RoleName], roles);
        Assert.All(roles, role => Assert.Equal(
            DestructiveActions.All.Order(StringComparer.Ordinal),
            Denied(program.Body<IamRolePolicy>(role + RoleGuardrails.Suffix)).Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void ARoleWithoutTheDenyStatementsIsRejected()
    {
        var program = PolicyCheck.Valid with { Resources = [.. PolicyCheck.Valid.Resources.Where(r => r.Name != "green-client-role" + RoleGuardrails.Suffix)] };

        var violation = Assert.Single(PolicyCheck.Run(program));

        Assert.Equal((RoleGuardrailRule.Name, "green-client-role"), (violation.Rule, violation.Resource));
    }

    [Fact]
    public void NoOperatorPolicyIsDeclaredWithoutAnOperatorRole()
    {
        Assert.Null(PolicyCheck.Valid.Find(OperatorRoleDeclarations.OperatorPolicy));
    }

    [Fact]
    public void TheOperatorRoleGetsTheGeneratedOperatorAndAuditPolicies()
    {
        var program = With("hsm-blue-green:operatorRoleName: hsm-operator");

        var operatorPolicy = program.Body<IamRolePolicy>(OperatorRoleDeclarations.OperatorPolicy);
        var auditPolicy = program.Body<IamRolePolicy>(OperatorRoleDeclarations.AuditPolicy);

        Assert.Equal(("hsm-operator", "hsm-operator"), (operatorPolicy.Role, auditPolicy.Role));
        Assert.Equal(AccessPolicies.Operator("test").ToJson(indented: false), operatorPolicy.Policy.Document.ToJsonString());
        Assert.Equal(AccessPolicies.Audit("test").ToJson(indented: false), auditPolicy.Policy.Document.ToJsonString());
    }

    [Fact]
    public void TheOperatorsInlinePoliciesFitIamsLimitForOneRole()
    {
        var program = With("hsm-blue-green:operatorRoleName: hsm-operator");

        var size = new[] { OperatorRoleDeclarations.OperatorPolicy, OperatorRoleDeclarations.AuditPolicy }
            .Sum(name => program.Body<IamRolePolicy>(name).Policy.Document.ToJsonString().Count(c => !char.IsWhiteSpace(c)));

        Assert.InRange(size, 1, 10240);
    }

    private static IEnumerable<string> Denied(IamRolePolicy policy) =>
        policy.Policy.Document["Statement"]!.AsArray().OfType<JsonObject>()
            .Where(s => (string?)s["Effect"] == "Deny")
            .SelectMany(s => s["Action"]!.AsArray().Select(a => (string)a!));
}
