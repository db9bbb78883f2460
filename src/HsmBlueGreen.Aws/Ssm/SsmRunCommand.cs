using System.Globalization;
using System.Net;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Ssm;

/// <summary>
/// One shell command on one instance through AWS-RunShellScript, awaited to its end. SendCommand is sent
/// once (never repeated: the command may log in to an HSM); only the polling retries.
/// </summary>
public sealed partial class SsmRunCommand(AwsTransport transport, CommandPolling polling, TimeProvider clock)
{
    /// <summary>Not final: Cancelling ends in Cancelled, or in another status if the command finishes first (CommandInvocationStatus).</summary>
    private static readonly HashSet<string> Running = new(StringComparer.Ordinal) { "Pending", "InProgress", "Delayed", "Cancelling" };
    /// <summary>The status of a command SendCommand gave no clear answer for: it may or may not have run.</summary>
    public const string NoAnswer = "NoAnswer";

    /// <summary>The status details when our own polling gave up: SSM may still finish the command.</summary>
    public const string NoResultInTime = "no result in time";

    private readonly JsonProtocolClient client = new(transport, AwsService.Ssm);

    public async Task<CommandRun> RunAsync(string instanceId, string command, string comment, CancellationToken cancellationToken)
    {
        var request = new SendCommandRequest(
            "AWS-RunShellScript",
            [instanceId],
            new() { ["commands"] = [command], ["executionTimeout"] = ["300"] },
            comment.Length <= 100 ? comment : comment[..100],
            TimeoutSeconds: 60);
        SendCommandResponse sent;
        try
        {
            sent = await client.CallAsync<SendCommandRequest, SendCommandResponse>(OperationCatalogue.Ssm.SendCommand, request, cancellationToken, idempotent: false).ConfigureAwait(false);
        }
        catch (AwsApiException ex) when (ex.IsCode("InvalidInstanceId"))
        {
            return new CommandRun(null, "Undeliverable", null, string.Empty, $"instance {instanceId} is not a running SSM-managed instance: {ex.Message}");
        }
        catch (AwsApiException ex) when (ex.StatusCode is null or >= HttpStatusCode.InternalServerError)
        {
            // A server error or no answer does not say whether SSM accepted the command, and it is not sent again.
            return new CommandRun(null, NoAnswer, null, string.Empty,
                $"ssm:SendCommand answered {ex.ErrorCode}{(ex.StatusCode is { } code ? $" (HTTP {(int)code})" : string.Empty)}: the command may already have run on {instanceId}; check its SSM command history (comment \"{request.Comment}\") before running it again");
        }

        var commandId = sent.Command?.CommandId ?? throw new AwsApiException("ssm:SendCommand returned no CommandId.", AwsService.Ssm, "SendCommand", "MalformedResponse", null, null);
        return await AwaitAsync(commandId, instanceId, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandRun> AwaitAsync(string commandId, string instanceId, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        var maxPolls = (int)Math.Ceiling(polling.Limit / polling.Interval) + 1;
        for (var poll = 1; ; poll++)
        {
            try
            {
                var invocation = await client.CallAsync<GetCommandInvocationRequest, GetCommandInvocationResponse>(
                    OperationCatalogue.Ssm.GetCommandInvocation, new(commandId, instanceId), cancellationToken).ConfigureAwait(false);
                if (invocation.Status is { } status && !Running.Contains(status))
                {
                    return new CommandRun(commandId, status, invocation.StatusDetails, invocation.StandardOutputContent ?? string.Empty, invocation.StandardErrorContent ?? string.Empty);
                }
            }
            catch (AwsApiException ex) when (ex.IsCode("InvocationDoesNotExist"))
            {
                // Eventually consistent just after SendCommand: the invocation appears shortly.
            }

            if (poll >= maxPolls || clock.GetUtcNow() - started >= polling.Limit)
            {
                return new CommandRun(commandId, "TimedOut", NoResultInTime, string.Empty,
                    $"command {commandId} on {instanceId} gave no result within {polling.Limit.TotalMinutes.ToString("0.#", CultureInfo.InvariantCulture)} minutes; check it in the SSM console before running again.");
            }

            await polling.Delay(polling.Interval, clock, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>How a command ended. <paramref name="CommandId"/> is null when it was never delivered.</summary>
public sealed record CommandRun(string? CommandId, string Status, string? StatusDetails, string StandardOutput, string StandardError);
