using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Tests.Guardrails;

public class GuardrailsCommandTests
{
    [Fact]
    public async Task OnlyScpPrintsTheServiceControlPolicyAlone()
    {
        var run = await new ProgramFixture().RunAsync("guardrails", "--stack", "prod", "--break-glass-role", "ops-emergency", "--only", "scp");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.Equal(GuardrailPolicies.ServiceControlPolicy("ops-emergency").ToJson(), run.Out.TrimEnd());
    }

    [Fact]
    public async Task OnlyBoundaryPrintsTheStacksBoundaryAlone()
    {
        var run = await new ProgramFixture().RunAsync("guardrails", "--stack", "prod", "--only", "boundary");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.Equal(GuardrailPolicies.PermissionsBoundary("prod").ToJson(), run.Out.TrimEnd());
    }

    [Fact]
    public async Task WithoutOnlyBothDocumentsArePrintedWithHowToApplyThem()
    {
        var run = await new ProgramFixture().RunAsync("guardrails", "--stack", "prod");

        Assert.Equal(ExitCodes.Done, run.Exit);
        Assert.Contains(GuardrailPolicies.ServiceControlPolicy(GuardrailPolicies.DefaultBreakGlassRole).ToJson(), run.Out, StringComparison.Ordinal);
        Assert.Contains(GuardrailPolicies.PermissionsBoundary("prod").ToJson(), run.Out, StringComparison.Ordinal);
        Assert.Contains("aws organizations create-policy --type SERVICE_CONTROL_POLICY", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheStackIsRequired()
    {
        var run = await new ProgramFixture().RunAsync("guardrails");

        Assert.Equal((ExitCodes.BadInput, "hsm-rotate guardrails: --stack is required.\n"), (run.Exit, run.Error));
    }

    [Fact]
    public async Task AMalformedRoleNameIsRefusedWithAnExample()
    {
        var run = await new ProgramFixture().RunAsync("guardrails", "--stack", "prod", "--break-glass-role", "bad role");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Equal("hsm-rotate guardrails: --break-glass-role 'bad role' is not an IAM role name (1-64 letters, digits or +=,.@_-); give e.g. --break-glass-role hsm-break-glass.\n", run.Error);
        Assert.Empty(run.Out);
    }

    [Fact]
    public async Task AnUnknownDocumentIsRefused()
    {
        var run = await new ProgramFixture().RunAsync("guardrails", "--stack", "prod", "--only", "rcp");

        Assert.Equal(ExitCodes.BadInput, run.Exit);
        Assert.Contains("--only 'rcp' is not a document this prints; give --only scp, boundary, operator or audit.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("operator")]
    [InlineData("audit")]
    public async Task TheStacksIdentityPoliciesPrintForRolesTheStackDoesNotManage(string which)
    {
        var run = await new ProgramFixture().RunAsync("guardrails", "--stack", "prod", "--only", which);

        var expected = which == "operator" ? AccessPolicies.Operator("prod") : AccessPolicies.Audit("prod");
        Assert.Equal((ExitCodes.Done, expected.ToJson()), (run.Exit, run.Out.TrimEnd()));
    }
}
