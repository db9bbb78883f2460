namespace HsmBlueGreen.Core.Ports;

/// <summary>
/// One HTTP GET through a slot's test route, sent from inside the VPC (the slot's admin host over SSM Run Command,
/// since the load balancer is internal). The request carries no secret; only the status code comes back.
/// </summary>
public interface ISmokeCheck
{
    Task<SmokeCheckResult> GetAsync(SmokeCheckRequest request, CancellationToken cancellationToken);
}

/// <summary>From <paramref name="InstanceId"/>, GET <paramref name="Url"/> with the header <paramref name="HeaderName"/>: <paramref name="HeaderValue"/>.</summary>
public sealed record SmokeCheckRequest(string InstanceId, Uri Url, string HeaderName, string HeaderValue);

public enum SmokeCheckOutcome
{
    /// <summary>The load balancer answered with an HTTP status.</summary>
    Answered,

    /// <summary>No HTTP answer: connection refused, timed out, name not resolved.</summary>
    NoAnswer,

    /// <summary>The command never ran: the admin host is not a running SSM-managed instance.</summary>
    HostUnavailable,
}

/// <summary>The HTTP status when the route answered; otherwise why not, in one line.</summary>
public sealed record SmokeCheckResult(SmokeCheckOutcome Outcome, int? StatusCode, string Detail)
{
    public bool Passed => Outcome == SmokeCheckOutcome.Answered && StatusCode is >= 200 and < 300;
}
