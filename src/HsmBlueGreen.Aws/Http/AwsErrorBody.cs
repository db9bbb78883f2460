using System.Text.Json;
using System.Xml.Linq;

namespace HsmBlueGreen.Aws.Http;

/// <summary>The code and message of an AWS error response, in JSON 1.1 or Query (XML) form.</summary>
public sealed record AwsErrorBody(string Code, string? Message, string? RequestId)
{
    public static AwsErrorBody Parse(AwsProtocol protocol, string body, string? errorTypeHeader, string? requestIdHeader)
    {
        try
        {
            return protocol == AwsProtocol.Json11 ? ParseJson(body, errorTypeHeader, requestIdHeader) : ParseXml(body, requestIdHeader);
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException)
        {
            return new AwsErrorBody(ShortCode(errorTypeHeader) ?? "UnreadableError", "the error response could not be read", requestIdHeader);
        }
    }

    private static AwsErrorBody ParseJson(string body, string? errorTypeHeader, string? requestId)
    {
        using var document = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
        var root = document.RootElement;
        var type = Read(root, "__type") ?? Read(root, "code") ?? errorTypeHeader;
        var message = Read(root, "message") ?? Read(root, "Message");
        return new AwsErrorBody(ShortCode(type) ?? "UnknownError", message, requestId);
    }

    private static AwsErrorBody ParseXml(string body, string? requestId)
    {
        var root = XDocument.Parse(body).Root!;
        var error = root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        string? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        return new AwsErrorBody(
            Child(error, "Code") ?? "UnknownError",
            Child(error, "Message"),
            Child(root, "RequestId") ?? Child(root, "RequestID") ?? requestId);
    }

    private static string? Read(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>"aws.protocoltests#ThrottlingException:http://..." is reduced to "ThrottlingException".</summary>
    private static string? ShortCode(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var code = type.Split(':')[0];
        var hash = code.LastIndexOf('#');
        return hash >= 0 ? code[(hash + 1)..] : code;
    }
}
