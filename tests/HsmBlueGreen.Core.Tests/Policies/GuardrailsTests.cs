using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Core.Tests.Policies;

public class GuardrailsTests
{
    private static readonly string[] Destructive =
        ["cloudhsm:CopyBackupToRegion", "cloudhsm:DeleteBackup", "cloudhsm:DeleteCluster", "cloudhsm:DeleteHsm", "cloudhsm:PutResourcePolicy"];

    private static readonly string Scp = GuardrailPolicies.ServiceControlPolicy("hsm-break-glass").ToJson();
    private static readonly string Boundary = GuardrailPolicies.PermissionsBoundary("prod").ToJson();

    [Fact]
    public void ServiceControlPolicyIsAcceptedByCreatePolicy()
    {
        Assert.Empty(IamGrammar.Check(Scp, serviceControlPolicy: true));
        Assert.All(PolicyJson.Statements(Scp), s => Assert.False(s.TryGetProperty("Principal", out _)));
        Assert.True(Scp.Length <= GuardrailPolicies.ScpMaxCharacters);
    }

    [Fact]
    public void ServiceControlPolicyDeniesExactlyTheDestructiveActions()
    {
        Assert.Equal(Destructive, PolicyJson.Actions(Scp, "Deny"));
        Assert.Empty(PolicyJson.Actions(Scp, "Allow"));
    }

    [Fact]
    public void OnlyTheBreakGlassRoleEscapesTheServiceControlPolicy()
    {
        Assert.All(PolicyJson.Statements(Scp), s => Assert.Contains("ArnNotLike aws:PrincipalArn=arn:aws:iam::*:role/hsm-break-glass", PolicyJson.Conditions(s)));
    }

    [Fact]
    public void BackupDeletionHasNoRetireException()
    {
        var backups = PolicyJson.Statement(Scp, "DenyCloudHsmBackupDestruction");

        Assert.Contains("cloudhsm:DeleteBackup", PolicyJson.Values(backups.GetProperty("Action")));
        Assert.DoesNotContain(PolicyJson.Conditions(backups), c => c.Contains("slot-state", StringComparison.Ordinal));
    }

    [Fact]
    public void RetireMayDeleteOnlyClustersTaggedRetiring()
    {
        var deletion = PolicyJson.Statement(Scp, "DenyHsmDeletionUnlessRetiring");

        Assert.Equal(["cloudhsm:DeleteCluster", "cloudhsm:DeleteHsm"], PolicyJson.Values(deletion.GetProperty("Action")));
        Assert.Contains("StringNotEquals aws:ResourceTag/hsm-blue-green:slot-state=retiring", PolicyJson.Conditions(deletion));
    }

    [Fact]
    public void BoundaryDeniesTheDestructiveActionsAndAllowsTheRest()
    {
        Assert.Empty(IamGrammar.Check(Boundary));
        Assert.Equal(Destructive, PolicyJson.Actions(Boundary, "Deny"));
        Assert.Equal(["*"], PolicyJson.Actions(Boundary, "Allow"));
    }

    [Fact]
    public void BoundaryKeepsRetireToItsOwnStack()
    {
        var outside = PolicyJson.Statement(Boundary, "DenyHsmDeletionOutsideStack");

        Assert.Equal(["StringNotEquals aws:ResourceTag/hsm-blue-green:stack=prod"], PolicyJson.Conditions(outside));
    }

    [Fact]
    public void TheBreakGlassRoleIsNamedInTheServiceControlPolicy()
    {
        Assert.Contains("role/ops-emergency", GuardrailPolicies.ServiceControlPolicy("ops-emergency").ToJson(), StringComparison.Ordinal);
    }
}
