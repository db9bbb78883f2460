using AWSCredentials = Amazon.Runtime.AWSCredentials;
using FallbackRegionFactory = Amazon.Runtime.FallbackRegionFactory;
using HsmBlueGreen.Aws.Http;

namespace HsmBlueGreen.Aws;

/// <summary>
/// Everything the adapters take from outside: the environment (region, endpoint overrides), the clock,
/// and for tests an HTTP handler, fixed credentials and a retry policy that does not sleep.
/// </summary>
public sealed record AwsSettings(Func<string, string?> Environment, TimeProvider Clock)
{
    private const string ProfileSource = "the region of the AWS profile (or instance)";

    /// <summary>Overrides AWS_REGION / AWS_DEFAULT_REGION / the profile's region.</summary>
    public string? Region { get; init; }

    public HttpMessageHandler? Handler { get; init; }

    /// <summary>Null means the SDK's default chain.</summary>
    public AWSCredentials? Credentials { get; init; }

    public RetryPolicy? Retry { get; init; }

    public string PulumiExecutable { get; init; } = "pulumi";

    /// <summary>The directory holding Pulumi.yaml, where pulumi runs.</summary>
    public string ProjectDirectory { get; init; } = ".";

    public PulumiTimeouts PulumiTimeouts { get; init; } = PulumiTimeouts.Default;

    public CommandPolling CommandPolling { get; init; } = CommandPolling.Default;

    /// <summary>Told of every request before it is sent (reads, writes, retries), so a run can journal each AWS call.</summary>
    public Action<AwsRequestSent>? OnRequest { get; init; }

    public static AwsSettings ForProcess() => new(System.Environment.GetEnvironmentVariable, TimeProvider.System);

    /// <summary>The stack's aws:region: the region Pulumi deploys the stack to, used when the caller sets none.</summary>
    public StackRegion? StackRegion { get; init; }

    /// <summary>
    /// The caller's region (AWS_REGION, AWS_DEFAULT_REGION, then the profile, as the SDKs look it up), else the
    /// stack's aws:region. When both are set they must agree: the stack's resources live in its region only.
    /// </summary>
    public string ResolveRegion()
    {
        if (!string.IsNullOrWhiteSpace(Region))
        {
            return Region.Trim();
        }

        var (caller, source) = CallerRegion();
        if (caller is null)
        {
            return StackRegion?.Region ?? throw new AwsConfigurationException(
                "no AWS region is set; set AWS_REGION (e.g. export AWS_REGION=eu-west-1), a region in your AWS profile, or the stack's aws:region (pulumi config set aws:region eu-west-1).");
        }

        if (StackRegion is { } stack && !string.Equals(caller, stack.Region, StringComparison.Ordinal))
        {
            var fix = source == ProfileSource
                ? $"export AWS_REGION={stack.Region}, or correct the profile's region"
                : $"unset {source} (the stack's region is then used) or export {source}={stack.Region}";
            throw new AwsConfigurationException(
                $"{source} is {caller} but stack {stack.Stack}'s aws:region is {stack.Region}, where its resources are. Fix: {fix}.");
        }

        return caller;
    }

    private (string? Region, string Source) CallerRegion()
    {
        foreach (var variable in (string[])["AWS_REGION", "AWS_DEFAULT_REGION"])
        {
            if (Environment(variable) is { } value && !string.IsNullOrWhiteSpace(value))
            {
                return (value.Trim(), variable);
            }
        }

        var profile = FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        return (string.IsNullOrWhiteSpace(profile) ? null : profile.Trim(), ProfileSource);
    }
}

/// <summary>A stack's name and its aws:region config.</summary>
public sealed record StackRegion(string Stack, string Region);

/// <summary>How long each pulumi command may run before it is stopped.</summary>
public sealed record PulumiTimeouts(TimeSpan Read, TimeSpan Config, TimeSpan Up)
{
    public static readonly PulumiTimeouts Default = new(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(60));
}

/// <summary>How an SSM command's result is awaited: poll interval, overall limit, and the delay used between polls.</summary>
public sealed record CommandPolling(TimeSpan Interval, TimeSpan Limit, Func<TimeSpan, TimeProvider, CancellationToken, Task> Delay)
{
    public static readonly CommandPolling Default = new(TimeSpan.FromSeconds(3), TimeSpan.FromMinutes(10), (delay, clock, token) => Task.Delay(delay, clock, token));
}
