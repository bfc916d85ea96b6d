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

    /// <summary>Stands for the id of the object the write's first request creates, in the path or a top-level body value
    /// of a later request of the same write (a pool's server rows, a user's authentication methods). The session puts
    /// in the real id (step by step) or the batch substitution (<c>{s3.user.id}</c>) through <see cref="WithCreatedId"/>.</summary>
    public const string CreatedId = "{@created}";

    /// <summary>This request with <see cref="CreatedId"/> replaced by <paramref name="id"/> (a Fudo id or a batch
    /// substitution, checked as a path segment).</summary>
    public FudoRequest WithCreatedId(string id)
    {
        if (!Path.Contains(CreatedId, StringComparison.Ordinal) && Body?.Any(p => p.Value?.ToString() == CreatedId) != true)
        {
            return this;
        }

        var segment = FudoIds.Segment(id, "the id of the object this write created");
        var body = Body?.DeepClone().AsObject();
        foreach (var key in body?.Where(p => p.Value?.ToString() == CreatedId).Select(p => p.Key).ToList() ?? [])
        {
            body![key] = segment;
        }

        return this with { Path = Path.Replace(CreatedId, segment, StringComparison.Ordinal), Body = body };
    }

    /// <summary>Method and path only: bodies may hold secrets.</summary>
    public override string ToString() => $"{Method} /api/v2/{Path}";
}
