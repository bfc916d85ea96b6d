using System.Security.Cryptography;
using System.Text;
using PamOperator.Core.Vendors;

namespace PamOperator.Operator.Reconciling;

/// <summary>
/// One long-lived connection (so one HTTP client: its connections and its rate limit) per ProviderConfig, kept across
/// batches. A ProviderConfig whose connection settings changed (vendor, endpoint, TLS, rate limit, its section, a
/// rotated key: compared by digest, never kept in clear) gets a new connection and the old one is disposed; this relies
/// on the batches of one ProviderConfig running one at a time. Thread-safe.
/// </summary>
internal sealed class ProviderPool : IAsyncDisposable
{
    private readonly Dictionary<string, (string Settings, IVendorConnection Connection)> _connections = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>The connection of ProviderConfig <paramref name="name"/> for <paramref name="request"/>; made on first use.</summary>
    public async Task<IVendorConnection> GetAsync(string name, IVendorModule module, VendorConnectRequest request, CancellationToken cancellationToken)
    {
        var settings = Digest(module, request);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connections.TryGetValue(name, out var current) && current.Settings == settings)
            {
                return current.Connection;
            }

            var connection = await module.ConnectAsync(request, cancellationToken);
            _connections[name] = (settings, connection);
            if (current.Connection is not null)
            {
                await current.Connection.DisposeAsync();
            }

            return connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var (_, connection) in _connections.Values)
        {
            await connection.DisposeAsync();
        }

        _connections.Clear();
        _gate.Dispose();
    }

    private static string Digest(IVendorModule module, VendorConnectRequest r) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
        string.Join('\n', module.Vendor, r.Endpoint, r.Credentials, r.CaFile, r.InsecureSkipVerify, r.RequestsPerSecond, r.Burst, r.Settings.ToJsonString()))));
}
