using HsmBlueGreen.Core.Config;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// VPC flow logs on every HSM subnet, to one log group kept `flowLogRetentionDays`: the card asks for a record
/// of who talked to the HSMs. The delivery role may write to that log group only.
/// </summary>
internal static class FlowLogDeclarations
{
    public const string LogGroupName = "flow-logs";
    public const string RoleName = "flow-logs-role";

    public static void Add(DeclaredResources declarations, StackSettings settings)
    {
        var group = declarations.Add(
            LogGroupName,
            new LogGroup($"/{ProjectNamespace.Name}/{settings.Stack}/hsm-flow-logs", settings.FlowLogRetentionDays) { Tags = Tags.For(settings, null, LogGroupName) });
        var role = declarations.Add(
            RoleName,
            new IamRole(PolicyDocuments.AssumedBy("vpc-flow-logs.amazonaws.com"), "hsm-blue-green flow log delivery for the HSM subnets") { Tags = Tags.For(settings, null, RoleName) });
        var write = PolicyDocuments.Allow(
            "WriteHsmFlowLogs",
            ["logs:CreateLogStream", "logs:DescribeLogGroups", "logs:DescribeLogStreams", "logs:PutLogEvents"],
            group.Output("arn") + ":*");
        declarations.Add("flow-logs-policy", new IamRolePolicy(role.Output("name"), PolicyDocuments.Document(write)));
        RoleGuardrails.Add(declarations, settings, role);

        foreach (var (zone, subnet) in settings.HsmSubnets.Entries)
        {
            var name = $"flow-log-{zone}";
            declarations.Add(name, new FlowLog(subnet, "ALL", "cloud-watch-logs", group.Output("arn"), role.Output("arn")) { Tags = Tags.For(settings, null, name) });
        }
    }

}
