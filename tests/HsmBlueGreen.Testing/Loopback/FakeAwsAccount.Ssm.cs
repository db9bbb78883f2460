using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

public sealed record SentCommand(string CommandId, string InstanceId, string DocumentName, IReadOnlyList<string> Commands, JsonObject Request)
{
    public string Comment => Request["Comment"]?.GetValue<string>() ?? string.Empty;

    public DateTimeOffset RequestedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>What the instance reports for a command: GetCommandInvocation's Status, ResponseCode and output.</summary>
public sealed record FakeInvocation(string Status, int ResponseCode, string StandardOutput, string StandardError = "", string? StatusDetails = null);

/// <summary>
/// SSM Run Command: SendCommand hands the command to <see cref="CommandHost"/> (a test can run the script
/// for real there), and GetCommandInvocation first says InvocationDoesNotExist, then InProgress, then the result,
/// as the eventually consistent service does; a cancelled command passes through Cancelling (CommandInvocationStatus).
/// </summary>
public sealed partial class FakeAwsAccount
{
    private readonly List<SentCommand> sent = [];
    private readonly Dictionary<string, (FakeInvocation Result, int Polls)> invocations = new(StringComparer.Ordinal);
    private readonly HashSet<string> managedInstances = new(StringComparer.Ordinal);

    /// <summary>Runs a sent command and says how it ended. The default fails, so a test must say what the host does.</summary>
    public Func<SentCommand, FakeInvocation> CommandHost { get; set; } = _ => new FakeInvocation("Failed", 1, string.Empty, "no command host configured", "Failed");

    /// <summary>How many GetCommandInvocation calls per command answer InvocationDoesNotExist before it becomes visible.</summary>
    public int InvocationLag { get; set; } = 1;

    /// <summary>How many further polls answer InProgress before the result.</summary>
    public int InProgressPolls { get; set; } = 1;

    /// <summary>
    /// SendCommand accepts and runs the command, then answers 500 InternalServerError: a server error does not say
    /// whether the request took effect, so a caller must treat the command as possibly run.
    /// </summary>
    public Func<SentCommand, bool> SendCommandFailsAfterAccepting { get; set; } = _ => false;

    public IReadOnlyList<SentCommand> SentCommands
    {
        get
        {
            lock (gate)
            {
                return [.. sent];
            }
        }
    }

    public FakeAwsAccount AddManagedInstance(string instanceId)
    {
        lock (gate)
        {
            managedInstances.Add(instanceId);
        }

        return this;
    }

    private JsonObject SendCommand(JsonObject input)
    {
        var instanceId = Strings(input["InstanceIds"]).Single();
        if (!managedInstances.Contains(instanceId))
        {
            throw AwsFault.Invalid("InvalidInstanceId", $"Instances [[{instanceId}]] not in a valid state for account {AccountId}");
        }

        var command = new SentCommand(
            Guid.NewGuid().ToString(), instanceId, Str(input, "DocumentName"), [.. Strings(input["Parameters"]?["commands"])], input);
        sent.Add(command);
        invocations[command.CommandId] = (CommandHost(command), 0);
        if (SendCommandFailsAfterAccepting(command))
        {
            throw new AwsFault(500, "InternalServerError", "An error occurred on the server side.");
        }

        return new JsonObject
        {
            ["Command"] = new JsonObject
            {
                ["CommandId"] = command.CommandId, ["DocumentName"] = command.DocumentName, ["Status"] = "Pending",
                ["InstanceIds"] = new JsonArray(JsonValue.Create(instanceId)),
            },
        };
    }

    private JsonObject GetCommandInvocation(JsonObject input)
    {
        var id = Str(input, "CommandId");
        if (!invocations.TryGetValue(id, out var entry))
        {
            throw AwsFault.Invalid("InvalidCommandId", "invalid command id");
        }

        var polls = entry.Polls + 1;
        invocations[id] = (entry.Result, polls);
        if (polls <= InvocationLag)
        {
            throw AwsFault.Invalid("InvocationDoesNotExist", "An error occurred (InvocationDoesNotExist)");
        }

        var result = polls <= InvocationLag + InProgressPolls ? new FakeInvocation("InProgress", -1, string.Empty)
            : polls == InvocationLag + InProgressPolls + 1 && entry.Result.Status == "Cancelled" ? new FakeInvocation("Cancelling", -1, string.Empty)
            : entry.Result;
        return new JsonObject
        {
            ["CommandId"] = id,
            ["InstanceId"] = Str(input, "InstanceId"),
            ["DocumentName"] = "AWS-RunShellScript",
            ["PluginName"] = "aws:runShellScript",
            ["Status"] = result.Status,
            ["StatusDetails"] = result.StatusDetails ?? result.Status,
            ["ResponseCode"] = result.ResponseCode,
            ["StandardOutputContent"] = result.StandardOutput.Length > 24000 ? result.StandardOutput[..24000] : result.StandardOutput,
            ["StandardErrorContent"] = result.StandardError.Length > 8000 ? result.StandardError[..8000] : result.StandardError,
        };
    }
}
