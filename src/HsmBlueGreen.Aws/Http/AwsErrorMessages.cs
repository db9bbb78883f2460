using System.Net;
using System.Text.RegularExpressions;

namespace HsmBlueGreen.Aws.Http;

/// <summary>Turns an AWS error into one line that says what failed and what to do about it.</summary>
public static partial class AwsErrorMessages
{
    private static readonly HashSet<string> AccessDeniedCodes = new(StringComparer.Ordinal)
    {
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError", "UnauthorizedException",
    };

    private static readonly HashSet<string> CredentialCodes = new(StringComparer.Ordinal)
    {
        "ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId", "UnrecognizedClientException",
        "SignatureDoesNotMatch", "IncompleteSignature", "InvalidSignatureException", "MissingAuthenticationToken",
    };

    public static string Describe(AwsService service, string operation, string code, string? message, HttpStatusCode? status)
    {
        var action = $"{service.IamPrefix}:{operation}";
        if (AccessDeniedCodes.Contains(code))
        {
            var match = NotAuthorized().Match(message ?? string.Empty);
            var who = match.Success ? match.Groups["who"].Value : "the current credentials";
            var denied = match.Success && match.Groups["action"].Success ? match.Groups["action"].Value : action;
            var resource = match.Success && match.Groups["resource"].Success ? match.Groups["resource"].Value : "the requested resource";
            return $"AWS denied {denied} on {resource} to {who}: allow that action on that resource in the role's policy, or run with a role that has it.";
        }

        if (CredentialCodes.Contains(code))
        {
            return $"AWS rejected the credentials for {action} ({code}): refresh them (e.g. aws sso login, or new AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY/AWS_SESSION_TOKEN) and check the clock.";
        }

        var text = string.IsNullOrWhiteSpace(message) ? "no message" : OneLine(message);
        var statusText = status is null ? string.Empty : $" (HTTP {(int)status})";
        return $"{action} failed: {code}{statusText}: {text}";
    }

    public static string OneLine(string text)
    {
        var line = WhiteSpace().Replace(text, " ").Trim();
        return line.Length <= 400 ? line : line[..400] + "...";
    }

    [GeneratedRegex(@"User: (?<who>\S+) is not authorized to perform: (?<action>\S+)(?: on resource: (?<resource>\S+))?")]
    private static partial Regex NotAuthorized();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
