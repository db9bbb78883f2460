using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>
/// An independent SigV4 check (HMAC chain written here, not the SDK's): the Authorization header's form,
/// its credential scope, and that the signature is right for the request received and the test secret key.
/// </summary>
public static partial class SigV4Check
{
    public sealed record Scope(string AccessKey, string Date, string Region, string Service);

    public static Scope? Verify(string method, string path, IReadOnlyDictionary<string, string> headers, byte[] body, string secretKey, List<string> problems)
    {
        var match = AuthorizationForm().Match(headers.GetValueOrDefault("authorization") ?? string.Empty);
        if (!match.Success)
        {
            problems.Add("Authorization is not 'AWS4-HMAC-SHA256 Credential=<key>/<date>/<region>/<service>/aws4_request, SignedHeaders=..., Signature=<64 hex>'");
            return null;
        }

        var scope = new Scope(match.Groups["key"].Value, match.Groups["date"].Value, match.Groups["region"].Value, match.Groups["service"].Value);
        var amzDate = headers.GetValueOrDefault("x-amz-date") ?? string.Empty;
        if (!amzDate.StartsWith(scope.Date, StringComparison.Ordinal))
        {
            problems.Add($"X-Amz-Date '{amzDate}' does not fall on the credential scope date {scope.Date}");
        }

        var signed = match.Groups["signed"].Value.Split(';');
        if (!signed.Contains("host") || !signed.Contains("x-amz-date"))
        {
            problems.Add("SignedHeaders must include host and x-amz-date");
        }

        var canonical = new StringBuilder().Append(method).Append('\n').Append(path).Append("\n\n");
        foreach (var name in signed)
        {
            canonical.Append(name).Append(':').Append(Spaces().Replace((headers.GetValueOrDefault(name) ?? string.Empty).Trim(), " ")).Append('\n');
        }

        canonical.Append('\n').Append(match.Groups["signed"].Value).Append('\n').Append(Hex(SHA256.HashData(body)));
        var credentialScope = $"{scope.Date}/{scope.Region}/{scope.Service}/aws4_request";
        var toSign = $"AWS4-HMAC-SHA256\n{amzDate}\n{credentialScope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())))}";
        var key = Encoding.UTF8.GetBytes("AWS4" + secretKey);
        foreach (var part in new[] { scope.Date, scope.Region, scope.Service, "aws4_request" })
        {
            key = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(part));
        }

        if (Hex(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(toSign))) != match.Groups["signature"].Value)
        {
            problems.Add("the SigV4 signature does not match the request received");
        }

        return scope;
    }

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes).ToLower(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^AWS4-HMAC-SHA256 Credential=(?<key>[A-Z0-9]+)/(?<date>\d{8})/(?<region>[a-z0-9-]+)/(?<service>[a-z0-9-]+)/aws4_request, ?SignedHeaders=(?<signed>[a-z0-9;-]+), ?Signature=(?<signature>[0-9a-f]{64})$")]
    private static partial Regex AuthorizationForm();

    [GeneratedRegex(" +")]
    private static partial Regex Spaces();
}
