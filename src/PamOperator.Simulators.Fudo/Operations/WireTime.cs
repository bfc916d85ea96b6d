using System.Globalization;
using System.Text.RegularExpressions;

namespace PamOperator.Simulators.Fudo.Operations;

/// <summary>The seed's time formats: Postgres text timestamps (<c>2022-10-27 02:26:22.951762-07</c>), <c>-infinity</c>
/// and <c>infinity</c>, and times of day (<c>09:15:00</c>).</summary>
internal static partial class WireTime
{
    private static readonly string[] InputFormats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFzz", "yyyy-MM-dd HH:mm:ss.FFFFFFzzz", "yyyy-MM-dd HH:mm:sszz", "yyyy-MM-dd HH:mm:sszzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFF", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd",
    ];

    /// <summary>Formats an instant as Postgres prints a <c>timestamptz</c>: microseconds and the offset in hours
    /// (<c>-07</c>, or <c>+05:30</c> when minutes are needed).</summary>
    public static string Format(DateTimeOffset instant, TimeSpan offset)
    {
        var local = instant.ToOffset(offset);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var abs = offset.Duration();
        var zone = abs.Minutes == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{sign}{abs.Hours:00}:{abs.Minutes:00}");
        return local.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + zone;
    }

    /// <summary>Normalizes a client's datetime to the wire format; false when it is not one.</summary>
    public static bool TryNormalizeDatetime(string text, TimeSpan offset, out string normalized)
    {
        if (text is "-infinity" or "infinity")
        {
            normalized = text;
            return true;
        }

        if (DateTimeOffset.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var instant))
        {
            normalized = Format(instant, offset);
            return true;
        }

        normalized = "";
        return false;
    }

    /// <summary>True for <c>HH:MM:SS</c> within a day.</summary>
    public static bool IsTimeOfDay(string text) => TimeOfDay().IsMatch(text);

    [GeneratedRegex("^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeOfDay();
}
