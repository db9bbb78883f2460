using HsmBlueGreen.Aws.Http;
using HsmBlueGreen.Aws.Tests.Loopback;

namespace HsmBlueGreen.Aws.Tests.Support;

/// <summary>
/// A loopback AWS server with a fake account, and <see cref="AwsPorts"/> pointed at it through
/// AWS_ENDPOINT_URL. Retry and polling waits are recorded instead of slept.
/// </summary>
internal sealed class LoopbackHarness : IAsyncDisposable
{
    private LoopbackHarness(LoopbackAwsServer server, AwsPorts ports, List<TimeSpan> retryDelays, AwsTransport transport)
    {
        Server = server;
        Ports = ports;
        RetryDelays = retryDelays;
        Transport = transport;
    }

    public LoopbackAwsServer Server { get; }

    public FakeAwsAccount Account => Server.Account;

    public AwsPorts Ports { get; }

    /// <summary>A transport on the same settings, for tests of the HTTP core itself.</summary>
    public AwsTransport Transport { get; }

    public List<TimeSpan> RetryDelays { get; }

    public static LoopbackHarness Start(Action<FakeAwsAccount>? arrange = null, TimeSpan? attemptTimeout = null, string pulumi = "pulumi", string projectDirectory = ".")
    {
        var server = LoopbackAwsServer.Start();
        arrange?.Invoke(server.Account);
        var delays = new List<TimeSpan>();
        var retry = new RetryPolicy(
            MaxAttempts: 4,
            BaseDelay: TimeSpan.FromMilliseconds(100),
            MaxDelay: TimeSpan.FromSeconds(2),
            TotalBudget: TimeSpan.FromSeconds(5),
            AttemptTimeout: attemptTimeout ?? TimeSpan.FromSeconds(10),
            Jitter: () => 0.5,
            Delay: (delay, _) =>
            {
                lock (delays)
                {
                    delays.Add(delay);
                }

                return Task.CompletedTask;
            });
        var environment = server.Environment();
        var settings = new AwsSettings(name => environment.GetValueOrDefault(name), TimeProvider.System)
        {
            Retry = retry,
            PulumiExecutable = pulumi,
            ProjectDirectory = projectDirectory,
            CommandPolling = new CommandPolling(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1), (_, _, _) => Task.CompletedTask),
        };
        var transport = new AwsTransport(
            new HttpClient(),
            new EndpointResolver(settings.Environment, settings.ResolveRegion()),
            new CredentialSource().GetAsync,
            TimeProvider.System,
            retry);
        return new LoopbackHarness(server, AwsPorts.Create(settings), delays, transport);
    }

    public async ValueTask DisposeAsync()
    {
        Ports.Dispose();
        await Server.DisposeAsync();
    }
}
