namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>An AWS error the fake account or an injected fault answers with.</summary>
public sealed class AwsFault(int status, string code, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public static AwsFault NotFound(string code, string message) => new(400, code, message);

    public static AwsFault Invalid(string code, string message) => new(400, code, message);
}

/// <summary>What the server does instead of answering normally, for the next matching requests.</summary>
public sealed record InjectedFault(int Status, string? Code, string? Message, bool Malformed = false, bool Hang = false)
{
    public static InjectedFault Throttle(string code = "ThrottlingException") => new(400, code, "Rate exceeded");

    public static InjectedFault ServerError() => new(500, "InternalFailure", "internal error");

    public static InjectedFault MalformedBody() => new(200, null, null, Malformed: true);

    public static InjectedFault Timeout() => new(0, null, null, Hang: true);

    public static InjectedFault Error(int status, string code, string message) => new(status, code, message);
}

/// <summary>One request as the server understood it, for tests to assert on.</summary>
public sealed record ReceivedCall(string Service, string Operation, System.Text.Json.Nodes.JsonObject Input, string Region, string SigningName);
