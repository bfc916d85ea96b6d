using System.Text.Json;

namespace PamOperator.Providers.Http.Tests.Support;

/// <summary>A minimal vendor page format for paging tests: <c>{"items":[{"id":"1"},...],"total":N}</c> (total optional).</summary>
internal static class TestPages
{
    public static string Page(IEnumerable<int> ids, long? total = null) =>
        "{\"items\":[" + string.Join(',', ids.Select(i => $"{{\"id\":\"{i}\"}}")) + "]" + (total is { } t ? $",\"total\":{t}" : "") + "}";

    public static readonly PageParser<string> Parser = async (json, rows, ct) =>
    {
        long? total = null;
        await json.ReadAsync(ct);
        while (await json.ReadAsync(ct) && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.Text;
            await json.ReadAsync(ct);
            if (name == "total")
            {
                total = long.Parse(json.Text!, System.Globalization.CultureInfo.InvariantCulture);
                continue;
            }

            while (await json.ReadAsync(ct) && json.TokenType == JsonTokenType.StartObject)
            {
                await json.ReadAsync(ct); // "id"
                await json.ReadAsync(ct);
                rows.Add(json.Text!);
                await json.ReadAsync(ct); // }
            }
        }

        await json.EnsureEndAsync(ct);
        return total;
    };

    /// <summary>The offset asked for in a <c>?limit=&amp;offset=</c> query.</summary>
    public static int OffsetOf(string query) =>
        int.Parse(query.Split("offset=")[1].Split('&')[0], System.Globalization.CultureInfo.InvariantCulture);
}
