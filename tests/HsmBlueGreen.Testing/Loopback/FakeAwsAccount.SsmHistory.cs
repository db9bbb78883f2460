using System.Globalization;
using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>
/// SSM's command history: ListCommands lists every command sent, newest first, with its comment, targets and
/// status as far as it has got, whatever became of the caller that sent it. Filters by DocumentName, InvokedAfter
/// and InvokedBefore (CommandFilter); the comment is not a filter key, so a caller matches it itself.
/// </summary>
public sealed partial class FakeAwsAccount
{
    private const int ListCommandsPageSize = 50;

    private JsonObject ListCommands(JsonObject input)
    {
        IEnumerable<SentCommand> matching = sent;
        foreach (var filter in input["Filters"]?.AsArray() ?? [])
        {
            var value = filter!["value"]!.GetValue<string>();
            matching = filter["key"]!.GetValue<string>() switch
            {
                "DocumentName" => matching.Where(c => c.DocumentName == value),
                "InvokedAfter" => matching.Where(c => c.RequestedAt >= DateTimeOffset.Parse(value, CultureInfo.InvariantCulture)),
                "InvokedBefore" => matching.Where(c => c.RequestedAt < DateTimeOffset.Parse(value, CultureInfo.InvariantCulture)),
                var key => throw new InvalidOperationException($"the fake account does not implement the ListCommands filter {key}"),
            };
        }

        if (OptStr(input, "CommandId") is { } id)
        {
            matching = matching.Where(c => c.CommandId == id);
        }

        if (OptStr(input, "InstanceId") is { } instance)
        {
            // A command still Pending has not reached the node, so it is not listed under it (CommandFilter).
            matching = matching.Where(c => c.InstanceId == instance && CommandStatus(c) != "Pending");
        }

        var size = input["MaxResults"] is { } max ? Int(max) : ListCommandsPageSize;
        var start = OptStr(input, "NextToken") is { } token ? int.Parse(token, CultureInfo.InvariantCulture) : 0;
        var all = matching.Reverse().ToList();
        var page = all.Skip(start).Take(size).Select(c => (JsonNode)new JsonObject
        {
            ["CommandId"] = c.CommandId,
            ["DocumentName"] = c.DocumentName,
            ["Comment"] = c.Comment,
            ["InstanceIds"] = new JsonArray(JsonValue.Create(c.InstanceId)),
            ["RequestedDateTime"] = Epoch(c.RequestedAt),
            ["Status"] = CommandStatus(c),
            ["TargetCount"] = 1,
        });
        var result = new JsonObject { ["Commands"] = new JsonArray([.. page]) };
        if (start + size < all.Count)
        {
            result["NextToken"] = (start + size).ToString(CultureInfo.InvariantCulture);
        }

        return result;
    }

    /// <summary>The command's status as far as its one invocation has got (CommandStatus has no Undeliverable or Delayed).</summary>
    private string CommandStatus(SentCommand command)
    {
        var (result, polls) = invocations[command.CommandId];
        return polls == 0 ? "Pending"
            : polls <= InvocationLag + InProgressPolls ? "InProgress"
            : result.Status is "Success" or "Cancelled" or "TimedOut" or "Failed" ? result.Status
            : "Failed";
    }
}
