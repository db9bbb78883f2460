using HsmBlueGreen.Aws.Audit;
using HsmBlueGreen.Aws.AutoScaling;
using HsmBlueGreen.Aws.CloudHsm;
using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Identity;
using HsmBlueGreen.Aws.LoadBalancing;
using HsmBlueGreen.Aws.Metrics;
using HsmBlueGreen.Aws.SecretsManager;
using HsmBlueGreen.Aws.Ssm;
using HsmBlueGreen.Aws.Stack;
using HsmBlueGreen.Core.Ports;

namespace HsmBlueGreen.Aws;

/// <summary>
/// The composition entry point: every port the step program uses, backed by AWS, SSM and the pulumi CLI.
/// Nothing is contacted until a port is called; region and credentials are resolved on first use.
/// </summary>
public sealed class AwsPorts : IDisposable
{
    private readonly HttpClient http;

    private AwsPorts(AwsSettings settings)
    {
        var region = new Lazy<string>(settings.ResolveRegion);
        var credentials = new CredentialSource(settings.Credentials);
        var retry = settings.Retry ?? RetryPolicy.Default(settings.Clock);
        http = settings.Handler is null ? new HttpClient(CreateHandler(retry)) : new HttpClient(settings.Handler, disposeHandler: false);
        http.Timeout = Timeout.InfiniteTimeSpan; // each attempt has its own timeout in RetryPolicy
        var transport = new AwsTransport(http, new EndpointResolver(settings.Environment, region), credentials.GetAsync, settings.Clock, retry, settings.OnRequest);
        ClusterControl = new CloudHsmClusterControl(transport);
        LoadBalancer = new ElbLoadBalancer(transport);
        Metrics = new CloudWatchMetrics(transport);
        SecretStore = new SecretsManagerSecretStore(transport);
        RotationLock = new SecretTagRotationLock(transport, settings.Clock);
        RunRecords = new SecretTagRunRecordStore(transport);
        AppGroups = new AutoScalingAppGroups(transport);
        HsmUserCommands = new SsmHsmUserCommands(new SsmRunCommand(transport, settings.CommandPolling, settings.Clock), ClusterControl);
        SmokeCheck = new SsmSmokeCheck(new SsmRunCommand(transport, settings.CommandPolling, settings.Clock));
        StackControl = new PulumiStackControl(settings.PulumiExecutable, settings.ProjectDirectory, settings.PulumiTimeouts);
        CallerIdentity = new StsCallerIdentity(transport);
        AccountInventory = new AwsAccountInventory(transport);
    }

    public IClusterControl ClusterControl { get; }

    public ILoadBalancer LoadBalancer { get; }

    public IMetrics Metrics { get; }

    public ISecretStore SecretStore { get; }

    public IRotationLock RotationLock { get; }

    public IRunRecordStore RunRecords { get; }

    public IAppGroups AppGroups { get; }

    public IHsmUserCommands HsmUserCommands { get; }

    public ISmokeCheck SmokeCheck { get; }

    public IStackControl StackControl { get; }

    public ICallerIdentity CallerIdentity { get; }

    /// <summary>Read-only views for `hsm-rotate audit`.</summary>
    public IAccountInventory AccountInventory { get; }

    public static AwsPorts Create(AwsSettings settings) => new(settings);

    /// <summary>The production handler: connecting (DNS, TCP, TLS) is bounded by the policy's connect timeout.</summary>
    internal static SocketsHttpHandler CreateHandler(RetryPolicy retry) => new() { ConnectTimeout = retry.ConnectTimeout };

    public void Dispose() => http.Dispose();
}
