using System.Globalization;
using System.Text.Json;
using PamOperator.Core.Schema;
using PamOperator.Providers.Fudo.Mapping;
using PamOperator.Providers.Http;

namespace PamOperator.Providers.Fudo.Http;

/// <summary>
/// Parses one Fudo list page as it streams in: <c>{"result":"success","&lt;type&gt;":[{...},...]}</c>. Believed only
/// when the envelope says success, the list is an array of objects, every item has an id in Fudo's format and every
/// attribute asked for has its declared type (null allowed). Anything else is one untrusted-answer failure naming what
/// was wrong (never quoting the body). Fudo reports no total, so paging ends at a short page.
/// </summary>
internal static class FudoPageParser
{
    public static PageParser<FudoRow> For(FudoColumns columns, string where) => async (json, rows, ct) =>
    {
        if (!await json.ReadAsync(ct))
        {
            throw UntrustedAnswer.Because(where, "an empty body");
        }

        if (json.TokenType != JsonTokenType.StartObject)
        {
            throw UntrustedAnswer.Because(where, $"the answer is {Describe(json.TokenType)}, not the Fudo envelope object");
        }

        bool success = false, listSeen = false;
        while (await json.ReadAsync(ct) && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.Text!;
            await json.ReadAsync(ct);
            if (name == "result")
            {
                success = json.TokenType == JsonTokenType.String && json.Text == "success";
                if (!success)
                {
                    throw UntrustedAnswer.Because(where, "the envelope's result is not \"success\"");
                }
            }
            else if (!listSeen)
            {
                listSeen = true;
                if (json.TokenType != JsonTokenType.StartArray)
                {
                    throw UntrustedAnswer.Because(where, $"the list is {Describe(json.TokenType)}, not an array");
                }

                await ReadItemsAsync(json, columns, rows, where, ct);
            }
            else
            {
                await json.SkipAsync(ct);
            }
        }

        await json.EnsureEndAsync(ct);
        return !success ? throw UntrustedAnswer.Because(where, "no success envelope (\"result\":\"success\" is missing)")
            : !listSeen ? throw UntrustedAnswer.Because(where, "no list in the answer")
            : null;
    };

    private static async ValueTask ReadItemsAsync(JsonStreamScanner json, FudoColumns columns, PageSink<FudoRow> rows, string where, CancellationToken ct)
    {
        while (await json.ReadAsync(ct) && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
            {
                throw UntrustedAnswer.Because(where, $"an item of the list is {Describe(json.TokenType)}, not an object");
            }

            rows.Add(await ReadRowAsync(json, columns, where, ct));
        }
    }

    private static async ValueTask<FudoRow> ReadRowAsync(JsonStreamScanner json, FudoColumns columns, string where, CancellationToken ct)
    {
        var values = new WireValue[columns.Count];
        while (await json.ReadAsync(ct) && json.TokenType == JsonTokenType.PropertyName)
        {
            var name = json.Text!;
            await json.ReadAsync(ct);
            if (!columns.TryGet(name, out var column) || column.Type == FieldType.StringList)
            {
                await json.SkipAsync(ct);
                continue;
            }

            var value = json.TokenType switch
            {
                JsonTokenType.String => new WireValue(JsonValueKind.String, json.Text),
                JsonTokenType.Number => new WireValue(JsonValueKind.Number, json.Text),
                JsonTokenType.True => new WireValue(JsonValueKind.True, "true"),
                JsonTokenType.False => new WireValue(JsonValueKind.False, "false"),
                JsonTokenType.Null => WireValue.Null,
                _ => throw UntrustedAnswer.Because(where, $"the attribute '{name}' of an item is {Describe(json.TokenType)}, not a {Expected(column.Type)}"),
            };
            if (!Fits(column, value))
            {
                throw UntrustedAnswer.Because(where, $"the attribute '{name}' of an item is not a {Expected(column.Type)}");
            }

            values[column.Index] = value;
        }

        var id = values[columns.IdIndex];
        return id.IsNull || id.Text is null
            ? throw UntrustedAnswer.Because(where, "an item of the list has no id")
            : new FudoRow(columns, values);
    }

    /// <summary>Null fits every type except the id; otherwise the JSON kind (or, as Fudo sometimes sends them, a string
    /// holding a boolean or an integer) must match the declared type.</summary>
    private static bool Fits(FudoColumn column, WireValue value)
    {
        if (value.IsNull)
        {
            return column.WireName != "id";
        }

        var text = value.Text ?? "";
        return column.Type switch
        {
            FieldType.Reference => value.Kind is JsonValueKind.String or JsonValueKind.Number && FudoIds.IsValid(text),
            FieldType.Boolean => value.Kind is JsonValueKind.True or JsonValueKind.False
                || (value.Kind == JsonValueKind.String && bool.TryParse(text, out _)),
            FieldType.Integer => value.Kind is JsonValueKind.Number or JsonValueKind.String
                && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            _ => value.Kind == JsonValueKind.String,
        };
    }

    private static string Expected(FieldType type) => type switch
    {
        FieldType.Reference => "Fudo id",
        FieldType.Boolean => "boolean",
        FieldType.Integer => "integer",
        _ => "string",
    };

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => "missing",
    };
}
