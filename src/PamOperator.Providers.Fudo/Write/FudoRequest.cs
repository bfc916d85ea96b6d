using System.Text.Json.Nodes;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>One HTTP request of a write, path relative to <c>/api/v2/</c>. <see cref="CreatesType"/> is set on the
/// request whose answer carries the new object's id (<c>{"&lt;type&gt;": {"id": ...}}</c>).</summary>
internal sealed record FudoRequest(HttpMethod Method, string Path, JsonObject? Body, string? CreatesType = null)
{
    /// <summary>Method and path only: bodies may hold secrets.</summary>
    public override string ToString() => $"{Method} /api/v2/{Path}";
}
