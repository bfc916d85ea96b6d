using System.Globalization;
using System.Net;

namespace PamOperator.Simulators.Common.Hosting;

/// <summary>Parses <c>host:port</c> for loopback hosts only: <c>127.0.0.1</c> (any 127/8), <c>localhost</c>, <c>[::1]</c>.</summary>
public static class ListenEndpoint
{
    public static string? TryParse(string listen, out IPEndPoint endpoint)
    {
        endpoint = new IPEndPoint(IPAddress.Loopback, 0);
        var colon = listen.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(listen[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port)
            || port > IPEndPoint.MaxPort)
        {
            return $"listen address '{listen}' must be host:port with a port from 0 to 65535";
        }

        var host = listen[..colon].Trim('[', ']');
        var address = host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var parsed) ? parsed
            : null;
        if (address is null || !IPAddress.IsLoopback(address))
        {
            return $"listen address '{listen}' must be on loopback (127.0.0.1, localhost or [::1]): the simulator is for local use only";
        }

        endpoint = new IPEndPoint(address, port);
        return null;
    }
}
