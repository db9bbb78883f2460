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
