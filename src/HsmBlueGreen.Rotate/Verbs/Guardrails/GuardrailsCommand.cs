using System.Text.Json;
using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Policies;
using HsmBlueGreen.Rotate.Cli;

namespace HsmBlueGreen.Rotate.Verbs.Guardrails;

/// <summary>
/// `hsm-rotate guardrails --stack NAME`: prints, with no cloud access, the service control policy and the
/// permissions boundary an account administrator applies by hand (they sit above any one stack).
/// `--only scp|boundary` prints one document alone, ready for file:// in the aws CLI; `--only operator|audit`
/// prints the stack's operator or audit identity policy, for a role the stack does not manage.
/// </summary>
public sealed class GuardrailsCommand : ICliCommand
{
    public string Name => "guardrails";

    public string Summary => "print the SCP and permissions boundary that deny destructive CloudHSM actions";

    public VerbOptions Options { get; } = new(["stack", "break-glass-role", "only"], ["json"]);

    public IReadOnlyList<string> Examples => ["hsm-rotate guardrails --stack dev", "hsm-rotate guardrails --stack dev --only scp > scp.json"];

    public async Task<int> RunAsync(CommandLine line, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(line);
        ArgumentNullException.ThrowIfNull(context);
        var stack = CommandArguments.Checked(line, "stack", IdRule.StackName);

        // The boundary is named after the stack: a stack with no Pulumi.<stack>.yaml is refused as `plan` refuses it.
        _ = Rotation.StackLoader.Load(context, stack);
        var role = CommandArguments.Checked(line, "break-glass-role", IdRule.IamRoleName, GuardrailPolicies.DefaultBreakGlassRole);
        var scp = GuardrailPolicies.ServiceControlPolicy(role).ToJson();
        var boundary = GuardrailPolicies.PermissionsBoundary(stack).ToJson();
        var text = line.Value("only") switch
        {
            null when line.Has("json") => JsonSerializer.Serialize(new GuardrailsJson("guardrails", stack, role, JsonElementOf(scp), JsonElementOf(boundary)), ReportJson.Default.GuardrailsJson),
            null => string.Join(Environment.NewLine, Annotated(stack, role, scp, boundary)),
            "scp" => scp,
            "boundary" => boundary,
            "operator" => AccessPolicies.Operator(stack).ToJson(),
            "audit" => AccessPolicies.Audit(stack).ToJson(),
            var other => throw new UsageException($"--only '{other}' is not a document this prints; give --only scp, boundary, operator or audit."),
        };
        await context.Out.WriteLineAsync(text).ConfigureAwait(false);
        return ExitCodes.Done;
    }

    private static JsonElement JsonElementOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static IEnumerable<string> Annotated(string stack, string role, string scp, string boundary) =>
    [
        $"# Service control policy: denies {string.Join(", ", DestructiveActions.All)}",
        $"# to every principal but the role {role}; DeleteHsm/DeleteCluster stay possible on clusters tagged {StackTags.SlotState}={StackTags.Retiring}.",
        $"# Apply in the management account: hsm-rotate guardrails --stack {stack} --break-glass-role {role} --only scp > scp.json",
        "#   aws organizations create-policy --type SERVICE_CONTROL_POLICY --name hsm-cloudhsm-guardrails --description \"Deny destructive CloudHSM actions\" --content file://scp.json",
        scp,
        string.Empty,
        $"# Permissions boundary for the roles of stack {stack}: allows what their own policies allow, minus the destructive actions.",
        $"# hsm-rotate guardrails --stack {stack} --only boundary > boundary.json",
        $"#   aws iam create-policy --policy-name hsm-blue-green-{stack}-boundary --policy-document file://boundary.json",
        boundary,
    ];
}
