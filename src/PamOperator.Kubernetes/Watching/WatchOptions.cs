namespace PamOperator.Kubernetes.Watching;

/// <summary>
/// What to watch and how to recover. <see cref="ResourceVersion"/> null = list first (a Relisted event) and watch
/// from the list's version. Backoff after a failed request doubles from <see cref="InitialBackoff"/> up to
/// <see cref="MaxBackoff"/> (a server's Retry-After wins when larger); a request that delivered events resets it.
/// </summary>
public sealed record WatchOptions
{
    public string? ResourceVersion { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Asks the server to end each watch request after this many seconds (it is then resumed). Default 300.</summary>
    public int TimeoutSeconds { get; init; } = 300;

    public bool AllowBookmarks { get; init; } = true;

    /// <summary>A stream that delivers nothing for this long is abandoned and resumed (a black-holed connection never
    /// ends by itself). Default 330 s: past the server-side <see cref="TimeoutSeconds"/>.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(330);

    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(30);
}
