using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace HsmBlueGreen.Aws.Tests.Loopback;

/// <summary>
/// An AWS endpoint on 127.0.0.1 (random port) that every service client can be pointed at with
/// AWS_ENDPOINT_URL. Each request is checked against the botocore model of its operation (target or
/// Action, members, types, enums, patterns, SigV4); a request that fails a check is answered with a
/// 400 "ModelViolation" and listed in <see cref="Violations"/>. Valid requests are answered by the
/// <see cref="FakeAwsAccount"/>, with responses checked against the model's output shape as well.
/// </summary>
public sealed partial class LoopbackAwsServer : IAsyncDisposable
{
    public const string AccessKey = "AKIDLOOPBACKTEST0001";
    public const string SecretKey = "loopback-test-secret-key-not-real";
    public const string Region = "eu-west-1";

    private readonly HttpListener listener = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<string> violations = new();
    private readonly ConcurrentQueue<ReceivedCall> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<InjectedFault>> faults = new(StringComparer.Ordinal);
    private readonly ServiceModels models = ServiceModels.Load();
    private readonly Task loop;
    private int requestCounter;

    private LoopbackAwsServer(FakeAwsAccount account, int port)
    {
        Account = account;
        Endpoint = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Endpoint.ToString());
        listener.Start();
        loop = Task.Run(AcceptLoopAsync);
    }

    public FakeAwsAccount Account { get; }

    public Uri Endpoint { get; }

    public IReadOnlyList<string> Violations => [.. violations];

    public IReadOnlyList<ReceivedCall> Calls => [.. calls];

    public static LoopbackAwsServer Start(FakeAwsAccount? account = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new LoopbackAwsServer(account ?? new FakeAwsAccount(), FreePort());
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // The port was taken between probing and binding; try another.
            }
        }
    }

    /// <summary>The environment that points every client at this server, with the test region.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString(),
        ["AWS_REGION"] = Region,
    };

    /// <summary>Fails the test with every violation listed, if there were any.</summary>
    public void AssertConforms() => Assert.True(violations.IsEmpty, "requests or responses broke the AWS models:\n" + string.Join("\n", violations));

    public IEnumerable<ReceivedCall> CallsTo(string operation) => Calls.Where(c => c.Operation == operation);

    /// <summary>The next <paramref name="times"/> requests for <paramref name="operation"/> get <paramref name="fault"/>.</summary>
    public void Inject(string operation, InjectedFault fault, int times = 1)
    {
        var queue = faults.GetOrAdd(operation, _ => new ConcurrentQueue<InjectedFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            listener.Stop();
            listener.Close();
        }
        catch (HttpListenerException)
        {
            // Managed HttpListener looks the endpoint up again while closing; when another server has just
            // bound a port in the same range it reports "Address already in use". The listener is closed anyway.
        }

        try
        {
            await loop;
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
        {
            // Stopping the listener ends the accept loop this way.
        }

        stopping.Dispose();
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var context = await listener.GetContextAsync();
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var requestId = $"00000000-0000-4000-8000-{Interlocked.Increment(ref requestCounter):D12}";
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            var headers = context.Request.Headers.AllKeys.Where(k => k is not null)
                .ToDictionary(k => k!.ToLowerInvariant(), k => context.Request.Headers[k]!, StringComparer.Ordinal);
            Reply reply;
            try
            {
                reply = await AnswerAsync(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, headers, buffer.ToArray(), requestId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A bug in the fake or the checks: fail the test visibly instead of hanging the client.
                violations.Enqueue($"loopback server error: {ex}");
                reply = new Reply(500, "text/plain", "loopback server error");
            }

            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = reply.ContentType;
            context.Response.Headers["x-amzn-RequestId"] = requestId;
            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException or IOException)
        {
            // The client gave up (a timeout test) or the server is stopping.
        }
    }

    private sealed record Reply(int Status, string ContentType, string Body);
}
