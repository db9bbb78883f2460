using System.Text.Json.Nodes;
using HsmBlueGreen.Infra.Model;

namespace HsmBlueGreen.Infra.Declarations;

/// <summary>IAM policy documents, kept as JSON trees and printed with fn::toJSON.</summary>
internal static class PolicyDocuments
{
    /// <summary>
    /// What the SSM agent itself calls to register the instance and receive Run Command and Session Manager
    /// messages: ssmmessages on current agents, ec2messages on older ones (Systems Manager user guide,
    /// "Reference: ec2messages, ssmmessages, and other API operations"). These calls name no resource, hence "*".
    /// No State Manager, inventory or patching, which the program does not use.
    /// </summary>
    public static JsonObject SsmAgent() => Allow(
        "SsmAgentChannel",
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
        ],
        "*");

    public static JsonText AssumedBy(string service) => Document(new JsonObject
    {
        ["Effect"] = "Allow",
        ["Principal"] = new JsonObject { ["Service"] = service },
        ["Action"] = "sts:AssumeRole",
    });

    public static JsonText Document(params JsonObject[] statements) => new(new JsonObject
    {
        ["Version"] = "2012-10-17",
        ["Statement"] = new JsonArray([.. statements]),
    });

    public static JsonObject Allow(string sid, IEnumerable<string> actions, string resource, JsonObject? condition = null)
    {
        var statement = new JsonObject
        {
            ["Sid"] = sid,
            ["Effect"] = "Allow",
            ["Action"] = new JsonArray([.. actions.Select(a => (JsonNode?)JsonValue.Create(a))]),
            ["Resource"] = resource,
        };
        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    /// <summary>The ARN of an SSM parameter by name, in any region of the account the instance runs in.</summary>
    public static string ParameterArn(string name) => "arn:aws:ssm:*:*:parameter/" + name.TrimStart('/');
}
