using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PamOperator.TestSupport.Http;

/// <summary>
/// A TCP proxy on 127.0.0.1 toward one loopback server, with a controllable partition: while
/// <see cref="Partitioned"/>, connections are still accepted but every byte either way is dropped (a black hole: no
/// reset, no answer, the client waits). <see cref="Heal"/> forwards again and resets the connections that lost bytes
/// (as their peers would after a real partition). Bounded: everything stops on dispose.
/// </summary>
public sealed class BlackHoleProxy : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _target;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Pair, bool> _pairs = new();
    private readonly Task _accepting;
    private volatile bool _partitioned;

    private BlackHoleProxy(Uri target)
    {
        _target = new IPEndPoint(IPAddress.Parse(target.Host), target.Port);
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        _accepting = AcceptAsync();
    }

    /// <summary>The address to give a client instead of the target's.</summary>
    public Uri Address { get; }

    public bool Partitioned => _partitioned;

    /// <summary>Bytes dropped since the start (to show the partition bit).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    private long _dropped;

    public static BlackHoleProxy Start(Uri target) => new(target);

    public void Partition() => _partitioned = true;

    public void Heal()
    {
        _partitioned = false;
        foreach (var pair in _pairs.Keys.Where(p => p.Tainted))
        {
            pair.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var pair in _pairs.Keys)
        {
            pair.Close();
        }

        await _accepting.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        var pair = new Pair(client, upstream);
        _pairs[pair] = true;
        try
        {
            await upstream.ConnectAsync(_target, _stop.Token);
            await Task.WhenAny(PumpAsync(client.GetStream(), upstream.GetStream(), pair), PumpAsync(upstream.GetStream(), client.GetStream(), pair));
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A side went away.
        }
        finally
        {
            pair.Close();
            _pairs.TryRemove(pair, out _);
        }
    }

    private async Task PumpAsync(NetworkStream from, NetworkStream to, Pair pair)
    {
        var buffer = new byte[16384];
        try
        {
            while (true)
            {
                var read = await from.ReadAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                if (_partitioned)
                {
                    pair.Tainted = true;
                    Interlocked.Add(ref _dropped, read);
                    continue;
                }

                await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // Closed.
        }
    }

    private sealed class Pair(TcpClient client, TcpClient upstream)
    {
        public volatile bool Tainted;

        public void Close()
        {
            client.Dispose();
            upstream.Dispose();
        }
    }
}
