using System.Net;

namespace HsmBlueGreen.Aws.Http;

/// <summary>
/// An AWS call that failed for good (after any retries). <see cref="Exception.Message"/> is one line a
/// person can act on; the parts stay available for code that branches on them (e.g. a missing resource).
/// </summary>
public sealed class AwsApiException(
    string message,
    AwsService service,
    string operation,
    string errorCode,
    HttpStatusCode? statusCode,
    string? requestId,
    Exception? inner = null) : AdapterException(message, inner)
{
    public AwsService Service { get; } = service;

    public string Operation { get; } = operation;

    public string ErrorCode { get; } = errorCode;

    public HttpStatusCode? StatusCode { get; } = statusCode;

    public string? RequestId { get; } = requestId;

    public bool IsCode(string code) =>
        string.Equals(ErrorCode, code, StringComparison.Ordinal);
}
