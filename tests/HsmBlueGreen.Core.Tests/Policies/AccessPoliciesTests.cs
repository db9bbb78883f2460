using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Core.Tests.Policies;

public class AccessPoliciesTests
{
    private static readonly string Operator = AccessPolicies.Operator("prod").ToJson();
    private static readonly string Audit = AccessPolicies.Audit("prod").ToJson();

    [Fact]
    public void OperatorPolicyAllowsExactlyTheRotationCalls()
    {
        Assert.Equal(
            [
                "autoscaling:DescribeAutoScalingGroups", "autoscaling:SetDesiredCapacity", "cloudhsm:DescribeBackups", "cloudhsm:DescribeClusters",
                "cloudwatch:GetMetricData", "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeRules", "elasticloadbalancing:DescribeTargetHealth",
                "elasticloadbalancing:ModifyListener",
                "secretsmanager:DescribeSecret", "secretsmanager:GetRandomPassword", "secretsmanager:GetSecretValue", "secretsmanager:ListSecretVersionIds",
                "secretsmanager:PutSecretValue", "secretsmanager:TagResource", "secretsmanager:UntagResource", "secretsmanager:UpdateSecretVersionStage",
                "ssm:GetCommandInvocation", "ssm:ListCommands", "ssm:SendCommand", "sts:GetCallerIdentity",
            ],
            PolicyJson.Actions(Operator, "Allow"));
    }

    [Fact]
    public void OperatorPolicyAllowsEveryCatalogueRotationCall()
    {
        Assert.Equal(OperationCatalogue.UsedBy(OperationUse.Rotate).Select(o => o.IamAction).Order(StringComparer.Ordinal), PolicyJson.Actions(Operator, "Allow"));
    }

    [Fact]
    public void AuditPolicyAllowsExactlyTheAuditCalls()
    {
        Assert.Equal(
            [
                "cloudhsm:DescribeBackups", "cloudhsm:DescribeClusters", "cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus",
                "ec2:DescribeFlowLogs", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets",
                "events:ListRules", "events:ListTargetsByRule", "secretsmanager:DescribeSecret", "sns:ListSubscriptionsByTopic",
                "ssm:GetCommandInvocation", "ssm:SendCommand", "sts:GetCallerIdentity",
            ],
            PolicyJson.Actions(Audit, "Allow"));
    }

    [Fact]
    public void PoliciesFollowTheIamGrammar()
    {
        Assert.Empty(IamGrammar.Check(Operator));
        Assert.Empty(IamGrammar.Check(Audit));
    }

    [Fact]
    public void WritesAreLimitedToResourcesTaggedWithTheStack()
    {
        var scoped = PolicyJson.Statements(Operator).Where(s => s.GetProperty("Effect").GetString() == "Allow" && PolicyJson.Values(s.GetProperty("Resource")).Single() != "*").ToList();

        Assert.All(
            scoped.Where(s => s.GetProperty("Sid").GetString() != "SsmRunShellScriptDocument"),
            s => Assert.Contains("StringEquals aws:ResourceTag/hsm-blue-green:stack=prod", PolicyJson.Conditions(s)));
        var unscoped = PolicyJson.Statement(Operator, "ReadWithoutResourceScope");
        Assert.DoesNotContain(PolicyJson.Values(unscoped.GetProperty("Action")), a => OperationCatalogue.All.Single(o => o.IamAction == a).Access == OperationAccess.Write);
    }

    [Fact]
    public void SecretTaggingIsLimitedToTheRotationLockKeys()
    {
        var tagging = PolicyJson.Statement(Operator, "SecretsmanagerLockTagsOnStackResources");

        Assert.Equal(["secretsmanager:TagResource", "secretsmanager:UntagResource"], PolicyJson.Values(tagging.GetProperty("Action")));
        Assert.Equal(
            ["ForAllValues:StringLike aws:TagKeys=hsm-rotate:lock-*", "StringEquals aws:ResourceTag/hsm-blue-green:stack=prod"],
            PolicyJson.Conditions(tagging));
        Assert.DoesNotContain("secretsmanager:TagResource", PolicyJson.Values(PolicyJson.Statement(Operator, "SecretsmanagerOnStackResources").GetProperty("Action")));
    }

    [Fact]
    public void SendCommandIsAllowedOnlyWithTheRunShellScriptDocument()
    {
        var document = PolicyJson.Statement(Operator, "SsmRunShellScriptDocument");

        Assert.Equal(["ssm:SendCommand"], PolicyJson.Values(document.GetProperty("Action")));
        Assert.Equal(["arn:aws:ssm:*::document/AWS-RunShellScript"], PolicyJson.Values(document.GetProperty("Resource")));
    }

    [Fact]
    public void OperatorPolicyCarriesTheDenyStatements()
    {
        Assert.Equal(DestructiveActions.All, PolicyJson.Actions(Operator, "Deny"));
    }

    [Fact]
    public void TheSameStackGivesTheSameText()
    {
        Assert.Equal(Operator, AccessPolicies.Operator("prod").ToJson());
        Assert.NotEqual(Operator, AccessPolicies.Operator("dev").ToJson());
    }
}
