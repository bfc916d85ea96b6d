namespace PamOperator.Core.Vendors;

/// <summary>A running simulator. Dispose to stop it.</summary>
public interface IVendorSimulator : IAsyncDisposable
{
    /// <summary>Root address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    Uri BaseAddress { get; }

    /// <summary>The credential a client connects with (the given one or a generated one). Secret: never printed.</summary>
    string Credentials { get; }

    /// <summary>The CA file clients must trust when it serves HTTPS; null for plain http.</summary>
    string? CaFile { get; }

    /// <summary>Lines describing it for a person (address, where state lives, how to connect), never a secret.</summary>
    IReadOnlyList<string> Describe();
}
