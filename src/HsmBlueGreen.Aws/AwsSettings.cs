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

    public static AwsSettings ForProcess() => new(System.Environment.GetEnvironmentVariable, TimeProvider.System);

    public string ResolveRegion()
    {
        var region = Region ?? Environment("AWS_REGION") ?? Environment("AWS_DEFAULT_REGION");
        if (string.IsNullOrWhiteSpace(region))
        {
            region = FallbackRegionFactory.GetRegionEndpoint()?.SystemName;
        }

        return string.IsNullOrWhiteSpace(region)
            ? throw new AwsConfigurationException("no AWS region is set; set AWS_REGION (e.g. export AWS_REGION=eu-west-1) or a region in your AWS profile.")
            : region.Trim();
    }
}

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
