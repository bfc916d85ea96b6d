using System.Text.Json.Nodes;
using PamOperator.Providers.Fudo.Http;

namespace PamOperator.Providers.Fudo.Write;

/// <summary>One HTTP request of a write, path relative to <c>/api/v2/</c>. <see cref="CreatesType"/> is set on the
/// request whose answer carries the new object's id (<c>{"&lt;type&gt;": {"id": ...}}</c>). <see cref="Undo"/>, when
/// set, gives the request that reverts this one from its answer: a write made of several requests uses it to take back
/// its earlier requests when a later one fails, so that each write is all or nothing (null answer: cannot be undone).</summary>
internal sealed record FudoRequest(HttpMethod Method, string Path, JsonObject? Body, string? CreatesType = null)
{
    public Func<FudoResponse, FudoRequest?>? Undo { get; init; }

    /// <summary>A POST that may be sent again after no answer or a 429, like the idempotent PATCH and DELETE: the PAM
    /// refuses a duplicate of it (409), and the row it made is then looked up (a time-policy window: unique per user,
    /// safe and day). Default false.</summary>
    public bool Repeatable { get; init; }

    /// <summary>Method and path only: bodies may hold secrets.</summary>
    public override string ToString() => $"{Method} /api/v2/{Path}";
}
