using Microsoft.AspNetCore.Builder;
using PamOperator.Core.Vendors;

namespace PamOperator.Vendors.Acme.Simulator;

/// <summary>A running Acme simulator.</summary>
internal sealed class RunningAcmeSimulator(WebApplication app, Uri baseAddress, string key) : IVendorSimulator
{
    public Uri BaseAddress => baseAddress;

    public string Credentials => key;

    public string? CaFile => null;

    public IReadOnlyList<string> Describe() => ["Acme PAM simulator (test vendor)."];

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
