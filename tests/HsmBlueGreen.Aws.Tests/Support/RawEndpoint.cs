using System.Net;
using System.Net.Sockets;

namespace HsmBlueGreen.Aws.Tests.Support;

/// <summary>
/// A TCP endpoint on 127.0.0.1 that is not an AWS service: it either accepts and never answers, or accepts and
/// hangs up at once (what a TLS client sees as a failed handshake). <see cref="Accepted"/> counts connections.
/// </summary>
internal sealed class RawEndpoint : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly List<TcpClient> held = [];
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private int accepted;

    private RawEndpoint(bool hangUp, Action? onAccept)
    {
        listener.Start();
        loop = AcceptAsync(hangUp, onAccept);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Accepted => Volatile.Read(ref accepted);

    /// <summary>Accepts and never answers; <paramref name="onAccept"/> runs (off the accept loop) for each connection.</summary>
    public static RawEndpoint Silent(Action? onAccept = null) => new(hangUp: false, onAccept);

    public static RawEndpoint HangsUp() => new(hangUp: true, null);

    /// <summary>A port on 127.0.0.1 that nothing listens on: connecting to it is refused.</summary>
    public static int ClosedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptAsync(bool hangUp, Action? onAccept)
    {
        try
        {
            while (true)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                Interlocked.Increment(ref accepted);
                if (hangUp)
                {
                    client.Dispose();
                    continue;
                }

                lock (held)
                {
                    held.Add(client);
                }

                if (onAccept is not null)
                {
                    _ = Task.Run(onAccept);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        lock (held)
        {
            held.ForEach(c => c.Dispose());
        }

        stop.Dispose();
    }
}
