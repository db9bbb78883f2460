using System.Net;
using System.Text;
using Amazon.Runtime;
using HsmBlueGreen.Core.Policies;

namespace HsmBlueGreen.Aws.Http;

/// <summary>
/// Sends one signed AWS request and returns the response body, retrying throttling, 5xx, timeouts and
/// broken connections within the <see cref="RetryPolicy"/>: each attempt has a timeout, and attempts and waits
/// together stay within the policy's total budget per call. Calls that are not idempotent (SendCommand)
/// retry only on throttling, which AWS guarantees did not run the call. An operation that is not in the
/// <see cref="OperationCatalogue"/> is refused before anything is sent: the generated IAM policies would not allow it.
/// </summary>
public sealed class AwsTransport(
    HttpClient http,
    EndpointResolver endpoints,
    Func<CancellationToken, Task<ImmutableCredentials>> credentials,
    TimeProvider clock,
    RetryPolicy retry,
    Action<AwsRequestSent>? onRequest = null)
{
    public string Region => endpoints.Region;

    public Uri EndpointOf(AwsService service) => endpoints.Resolve(service);

    public async Task<string> SendAsync(AwsService service, AwsOperation call, AwsRequestBody body, bool idempotent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(call);
        if (!OperationCatalogue.Contains(call) || call.Service != service.IamPrefix)
        {
            throw new InvalidOperationException($"{call.IamAction} is not in the operation catalogue for {service.IamPrefix}; add it to OperationCatalogue so the generated policies allow it.");
        }

        var operation = call.Name;
        var endpoint = endpoints.Resolve(service);
        var started = clock.GetTimestamp();
        var timeout = retry.AttemptTimeout;
        for (var attempt = 1; ; attempt++)
        {
            // Reported before it is sent, every attempt: the journal shows what was tried even when it then fails.
            onRequest?.Invoke(new AwsRequestSent(call.IamAction, attempt));
            var failure = await TryOnceAsync(service, operation, endpoint, body, timeout, cancellationToken).ConfigureAwait(false);
            if (failure.Body is not null)
            {
                return failure.Body;
            }

            var retryable = idempotent ? failure.Transient : failure.Throttled;
            var delay = retryable ? retry.NextDelay(attempt, clock.GetElapsedTime(started)) : null;
            if (delay is null)
            {
                throw failure.TimedOut ? GaveUp(failure.Error!, endpoint, clock.GetElapsedTime(started), attempt) : failure.Error!;
            }

            await retry.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
            timeout = retry.AttemptTimeoutAfter(clock.GetElapsedTime(started));
        }
    }

    /// <summary>An endpoint that never answered: the message gives the whole time waited, not the last attempt's share.</summary>
    private static AwsApiException GaveUp(AwsApiException last, Uri endpoint, TimeSpan elapsed, int attempts) => new(
        $"{last.Service.IamPrefix}:{last.Operation} could not reach {endpoint.GetLeftPart(UriPartial.Authority)}: no answer within {elapsed.TotalSeconds:0.#}s ({attempts} attempt{(attempts == 1 ? "" : "s")}); {ReachFix}",
        last.Service, last.Operation, last.ErrorCode, null, null, last.InnerException);

    private async Task<Attempt> TryOnceAsync(AwsService service, string operation, Uri endpoint, AwsRequestBody body, TimeSpan attemptTimeout, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(attemptTimeout > TimeSpan.Zero ? attemptTimeout : TimeSpan.FromTicks(1), clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = body.ToContent() };
            if (body.Target is not null)
            {
                request.Headers.Add("X-Amz-Target", body.Target);
            }

            var keys = await credentials(linked.Token).ConfigureAwait(false);
            RequestSigner.Sign(request, body.Bytes, keys, endpoints.Region, service.SigningName, clock.GetUtcNow());
            using var response = await http.SendAsync(request, linked.Token).ConfigureAwait(false);
            var text = await response.Content.ReadAsStringAsync(linked.Token).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return new Attempt(text, null, false, false, false);
            }

            var error = AwsErrorBody.Parse(service.Protocol, text, Header(response, "x-amzn-ErrorType"), Header(response, "x-amzn-RequestId"));
            var throttled = ThrottlingCodes.Contains(error.Code) || response.StatusCode == HttpStatusCode.TooManyRequests;
            var transient = throttled || TransientCodes.Contains(error.Code) || (int)response.StatusCode >= 500;
            var message = AwsErrorMessages.Describe(service, operation, error.Code, error.Message, response.StatusCode);
            return new Attempt(null, new AwsApiException(message, service, operation, error.Code, response.StatusCode, error.RequestId), throttled, transient, false);
        }
        catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested))
        {
            var timedOut = ex is OperationCanceledException;
            var what = timedOut ? $"no answer within {attemptTimeout.TotalSeconds:0.#}s" : Reason(ex);
            var message = $"{service.IamPrefix}:{operation} could not reach {endpoint.GetLeftPart(UriPartial.Authority)}: {what}; {ReachFix}";
            return new Attempt(null, new AwsApiException(message, service, operation, "RequestFailed", null, null, ex), false, true, timedOut);
        }
    }

    private const string ReachFix = "check the network, the region and any AWS_ENDPOINT_URL override.";

    /// <summary>The failure and its cause on one line: "The SSL connection could not be established: &lt;why&gt;".</summary>
    private static string Reason(Exception ex)
    {
        var text = ex.Message.Replace(", see inner exception.", string.Empty, StringComparison.Ordinal);
        return AwsErrorMessages.OneLine(ex.InnerException is { } inner && !text.Contains(inner.Message, StringComparison.Ordinal) && text != ex.Message
            ? $"{text}: {inner.Message}"
            : text);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    };

    /// <summary>Transient failures some services report with a 4xx status.</summary>
    private static readonly HashSet<string> TransientCodes = new(StringComparer.Ordinal)
    {
        "RequestTimeout", "RequestTimeoutException", "IDPCommunicationError",
    };

    private sealed record Attempt(string? Body, AwsApiException? Error, bool Throttled, bool Transient, bool TimedOut);
}

/// <summary>One HTTP request to AWS about to be sent: the IAM action (e.g. elasticloadbalancing:DescribeListeners) and its attempt number.</summary>
public sealed record AwsRequestSent(string Action, int Attempt);

/// <summary>A request body already encoded by its protocol, with the JSON target header when there is one.</summary>
public sealed record AwsRequestBody(byte[] Bytes, string ContentType, string? Target)
{
    public static AwsRequestBody Of(string text, string contentType, string? target) => new(Encoding.UTF8.GetBytes(text), contentType, target);

    public HttpContent ToContent()
    {
        var content = new ByteArrayContent(Bytes);
        content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        return content;
    }
}
