using Microsoft.Extensions.Logging;

namespace PamOperator.Operator.Hosting;

/// <summary>The operator's logs: JSON lines on stdout (one object per entry, UTC timestamps), at a minimum level.
/// Log messages name objects, keys and Secret names, never a secret value.</summary>
public static class OperatorLogging
{
    /// <summary>Configures the host's logging: JSON console at <paramref name="minimum"/>; the Logging section of the
    /// configuration (appsettings.json, Logging__LogLevel__* environment variables) can refine levels per category.</summary>
    public static Action<ILoggingBuilder> Configure(LogLevel minimum) => builder => builder
        .SetMinimumLevel(minimum)
        .AddJsonConsole(o =>
        {
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z' ";
            o.IncludeScopes = false;
        });

    /// <summary>Parses trace, debug, info, warn, error (case-insensitive); null when unknown.</summary>
    public static LogLevel? ParseLevel(string text) => text.ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "info" or "information" => LogLevel.Information,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        _ => null,
    };

    /// <summary>Parses a duration like <c>10m</c>, <c>30s</c>, <c>1h</c>, <c>500ms</c>; null when invalid or not positive.</summary>
    public static TimeSpan? ParseDuration(string text)
    {
        var units = new (string Suffix, Func<double, TimeSpan> Make)[]
        {
            ("ms", TimeSpan.FromMilliseconds), ("s", TimeSpan.FromSeconds), ("m", TimeSpan.FromMinutes), ("h", TimeSpan.FromHours),
        };
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal)
                && double.TryParse(text[..^suffix.Length], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)
                && n > 0)
            {
                return make(n);
            }
        }

        return null;
    }
}
