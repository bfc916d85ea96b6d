using System.Collections.Concurrent;
using PamOperator.Core.Providers;

namespace PamOperator.Providers.Fudo.Tests.Http;

/// <summary>Records what the client reports (the interface carries no body or key, so neither can be recorded).</summary>
internal sealed class RecordingObserver : IApiCallObserver
{
    private readonly ConcurrentQueue<(string Vendor, string Method, int Status)> _calls = new();

    public IReadOnlyList<(string Vendor, string Method, int Status)> Calls => [.. _calls];

    public void Observe(string vendor, string method, int status) => _calls.Enqueue((vendor, method, status));
}
