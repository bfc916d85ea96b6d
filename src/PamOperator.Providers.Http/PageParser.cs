namespace PamOperator.Providers.Http;

/// <summary>
/// A vendor's parser of one list page: reads the whole answer from <paramref name="json"/> (envelope included,
/// checking it), puts each row into <paramref name="rows"/> as soon as it is read, and returns the total the PAM
/// reported (null when the vendor reports none). Throws an untrusted-answer failure (or a
/// <see cref="System.Text.Json.JsonException"/>) for anything but the documented shape.
/// </summary>
public delegate ValueTask<long?> PageParser<TRow>(JsonStreamScanner json, PageSink<TRow> rows, CancellationToken cancellationToken);
