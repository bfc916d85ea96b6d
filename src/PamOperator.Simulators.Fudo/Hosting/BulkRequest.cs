using System.Text.Json.Nodes;

namespace PamOperator.Simulators.Fudo.Hosting;

/// <summary>
/// <c>POST /_sim/bulk</c>: <paramref name="Count"/> objects of <paramref name="Type"/> named
/// <c>&lt;NamePrefix&gt;&lt;Start..&gt;</c> from <paramref name="Template"/>, or the explicit <paramref name="Objects"/>.
/// </summary>
internal sealed record BulkRequest(string Type, int Count = 0, string? NamePrefix = null, int Start = 1,
    JsonObject? Template = null, JsonArray? Objects = null)
{
    public override string ToString() => $"bulk {Type} x{Count}{(Objects is null ? "" : $" + {Objects.Count} objects")}";
}
