using System.Text.Json.Nodes;
using HsmBlueGreen.Core.Ports;
using HsmBlueGreen.Core.Settings;
using HsmBlueGreen.Core.Slots;
using HsmBlueGreen.Infra.Model;
using HsmBlueGreen.Infra.Model.Aws;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>
/// The instance roles of a slot: the SSM agent's own calls (Run Command, Session Manager), the cluster's trust
/// anchor and the slot's own secret, and nothing else. Application clients read only the current version; the admin host reads every stage,
/// because a rotation logs in with the current password and sets the pending one.
/// </summary>
internal static class InstanceRoleDeclarations
{
    public const string Admin = "admin";
    public const string Client = "client";

    /// <summary>Declares role, policies and profile; returns the profile.</summary>
    public static Resource Add(DeclaredResources declarations, StackSettings settings, SlotSettings slot, string who, Resource secret)
    {
        var names = new SlotNames(slot.Color);
        var role = declarations.Add(
            names.Role(who),
            new IamRole(PolicyDocuments.AssumedBy("ec2.amazonaws.com"), $"hsm-blue-green {who} instances of the {slot.Color.ToString().ToLowerInvariant()} slot")
            {
                Tags = Tags.For(settings, slot.Color, names.Role(who)),
            });
        // Not AmazonSSMManagedInstanceCore: it also grants ssm:GetParameter(s) on every parameter (ParameterReadRule).
        declarations.Add(names.SsmAgentPolicy(who), new IamRolePolicy(role.Output("name"), PolicyDocuments.Document(PolicyDocuments.SsmAgent())));
        RoleGuardrails.Add(declarations, settings, role);

        var readSecret = who == Admin
            ? PolicyDocuments.Allow("ReadOwnSlotSecret", ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"], secret.Output("arn"))
            : PolicyDocuments.Allow(
                "ReadOwnSlotSecret",
                ["secretsmanager:GetSecretValue"],
                secret.Output("arn"),
                // Matches only requests that name the stage (AWS does not fill in the default), so slot.env tells the application to.
                new JsonObject { ["ForAnyValue:StringEquals"] = new JsonObject { ["secretsmanager:VersionStage"] = SecretStages.Current } });
        var readCa = PolicyDocuments.Allow("ReadClusterTrustAnchor", ["ssm:GetParameter"], PolicyDocuments.ParameterArn(settings.CustomerCaParameter));
        declarations.Add(names.RolePolicy(who), new IamRolePolicy(role.Output("name"), PolicyDocuments.Document(readSecret, readCa)));

        return declarations.Add(
            names.Profile(who),
            new IamInstanceProfile(role.Output("name")) { Tags = Tags.For(settings, slot.Color, names.Profile(who)) });
    }
}
