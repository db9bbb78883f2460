using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Ssm;

/// <summary>
/// A command sent earlier, found again in SSM's command history (ListCommands) by its comment and instance, and
/// awaited to its end. The comment is no filter key (CommandFilter: InvokedAfter, InvokedBefore, Status,
/// ExecutionStage, DocumentName), so the RunShellScript commands are paged through, newest first, and matched here.
/// No instance is named in the request: a command still Pending has not reached the node and is not listed under it.
/// </summary>
public sealed partial class SsmRunCommand
{
    private const int HistoryPages = 20;
    private const int HistoryPageSize = 50;

    /// <summary>
    /// The latest command with <paramref name="comment"/> sent to <paramref name="instanceId"/>, awaited to its end;
    /// null when SSM has none; status <see cref="NoAnswer"/> when the history cannot be read or searched to its end.
    /// </summary>
    public async Task<CommandRun?> FindAsync(string instanceId, string comment, CancellationToken cancellationToken)
    {
        var matches = new List<ListedCommand>();
        string? token = null;
        try
        {
            for (var page = 0; page < HistoryPages; page++)
            {
                var listed = await client.CallAsync<ListCommandsRequest, ListCommandsResponse>(
                    OperationCatalogue.Ssm.ListCommands, new([new("DocumentName", "AWS-RunShellScript")], HistoryPageSize, token), cancellationToken).ConfigureAwait(false);
                matches.AddRange((listed.Commands ?? []).Where(c => c.Comment == comment && c.CommandId is not null && (c.InstanceIds ?? []).Contains(instanceId)));
                token = listed.NextToken;
                if (token is null || matches.Count > 0)
                {
                    break;
                }
            }
        }
        catch (AwsApiException ex)
        {
            return new CommandRun(null, NoAnswer, null, string.Empty, $"SSM's command history could not be read: {ex.Message}");
        }

        if (matches.Count == 0)
        {
            return token is null ? null
                : new CommandRun(null, NoAnswer, null, string.Empty, $"no command \"{comment}\" among the newest {HistoryPages * HistoryPageSize} RunShellScript commands in SSM's history");
        }

        var latest = matches.MaxBy(c => c.RequestedDateTime ?? DateTimeOffset.MinValue)!;
        return await AwaitAsync(latest.CommandId!, instanceId, cancellationToken).ConfigureAwait(false);
    }
}
