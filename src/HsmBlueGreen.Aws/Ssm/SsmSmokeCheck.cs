using System.Globalization;
using System.Text.RegularExpressions;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws.Ssm;

/// <summary>
/// ISmokeCheck: curl on the slot's admin host through SSM Run Command (the load balancer is internal, so the request
/// must start inside the VPC). Only the status code is printed back. The command holds a URL and a header, no secret.
/// </summary>
public sealed partial class SsmSmokeCheck(SsmRunCommand runner) : ISmokeCheck
{
    private const string StatusMarker = "HSMBG_HTTP_STATUS=";

    public async Task<SmokeCheckResult> GetAsync(SmokeCheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var run = await runner.RunAsync(request.InstanceId, Command(request), $"hsm-rotate smoke-check {request.HeaderValue}", cancellationToken).ConfigureAwait(false);
        if (run.CommandId is null)
        {
            return new SmokeCheckResult(SmokeCheckOutcome.HostUnavailable, null, run.StandardError);
        }

        var status = StatusLine().Match(run.StandardOutput);
        var code = status.Success ? int.Parse(status.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return code > 0
            ? new SmokeCheckResult(SmokeCheckOutcome.Answered, code, $"HTTP {code}")
            : new SmokeCheckResult(SmokeCheckOutcome.NoAnswer, null, FirstLine(run.StandardError) ?? $"command {run.Status}");
    }

    /// <summary>
    /// curl without --fail, so any HTTP answer is reported with exit 0; 000 means no answer. --insecure because the
    /// listener's certificate names the application, not the load balancer's DNS name: this checks routing and the
    /// slot's answer, not the certificate, and sends nothing secret.
    /// </summary>
    public static string Command(SmokeCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var words = new List<string> { "curl", "--silent", "--show-error", "--output", "/dev/null", "--max-time", "10", "--write-out", StatusMarker + "%{http_code}\\n" };
        if (request.Url.Scheme == Uri.UriSchemeHttps)
        {
            words.Add("--insecure");
        }

        words.AddRange(["--header", $"{request.HeaderName}: {request.HeaderValue}", request.Url.AbsoluteUri]);
        return string.Join(' ', words.Select(HsmUserScript.Quote));
    }

    private static string? FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();

    [GeneratedRegex(StatusMarker + "([0-9]{3})", RegexOptions.CultureInvariant)]
    private static partial Regex StatusLine();
}
