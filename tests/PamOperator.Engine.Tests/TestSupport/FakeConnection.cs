using PamOperator.Core.Providers;
using PamOperator.Core.Providers.Writes;
using PamOperator.Core.Vendors;

namespace PamOperator.Engine.Tests.TestSupport;

/// <summary>A connection over a fake reader and writer (the engine never sees HTTP).</summary>
internal sealed class FakeConnection(ILiveStateReader reader, IPamWriter? writer = null, string target = "fake pam") : IVendorConnection
{
    public ILiveStateReader Reader => reader;

    public IPamWriter Writer => writer ?? throw new InvalidOperationException("this fake connection cannot write");

    public TransactionGuarantee Guarantee => TransactionGuarantee.None;

    public string TargetIdentity => target;

    public bool Disposed { get; private set; }

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
