namespace HsmBlueGreen.Aws.Ssm;

// SSM (JSON 1.1) request and response records for Run Command; names as in the model.
internal sealed record SendCommandRequest(
    string DocumentName,
    List<string> InstanceIds,
    Dictionary<string, List<string>> Parameters,
    string Comment,
    int TimeoutSeconds);

internal sealed record SendCommandResponse(CommandDto? Command);

internal sealed record CommandDto(string? CommandId, string? Status);

internal sealed record GetCommandInvocationRequest(string CommandId, string InstanceId);

internal sealed record GetCommandInvocationResponse(
    string? Status,
    string? StatusDetails,
    int? ResponseCode,
    string? StandardOutputContent,
    string? StandardErrorContent);

internal sealed record ListCommandsRequest(List<CommandFilter> Filters, int MaxResults, string? NextToken);

internal sealed record CommandFilter(
    [property: System.Text.Json.Serialization.JsonPropertyName("key")] string Key,
    [property: System.Text.Json.Serialization.JsonPropertyName("value")] string Value);

internal sealed record ListCommandsResponse(List<ListedCommand>? Commands, string? NextToken);

internal sealed record ListedCommand(string? CommandId, string? Comment, List<string>? InstanceIds, string? Status, DateTimeOffset? RequestedDateTime);
