using PamOperator.Core.Providers;

namespace PamOperator.Providers.Http;

/// <summary>
/// Reads a whole paged list (offset paging), each page parsed as it streams in. Stops at the first short page, at the
/// total the PAM reported, and fails (never loops) on a page that repeats one already read (untrusted answer) or on a
/// list longer than <see cref="PamHttpOptions.MaxPages"/> (limit exceeded). When a page fills up, the next one is
/// requested at once, while the rest of the current one is still parsed (one page ahead at most); no request is made
/// past a short page.
/// </summary>
public static class PageReader
{
    /// <summary>Every row, in order. <paramref name="pageAt"/> gives the relative URL of the page at an offset;
    /// <paramref name="idOf"/> the row's id (to detect a repeated page).</summary>
    public static Task<List<TRow>> ReadAllAsync<TRow>(
        PamHttpClient client, Func<long, string> pageAt, int pageSize, PageParser<TRow> parse, Func<TRow, string> idOf, CancellationToken cancellationToken) =>
        ReadAllAsync(client, pageAt, pageSize, parse, idOf, null, cancellationToken);

    /// <summary>As above; <paramref name="rowsRead"/> (null = nobody) is told how many new rows each page brought, in
    /// page order, as soon as the page is checked (observe progress).</summary>
    public static async Task<List<TRow>> ReadAllAsync<TRow>(
        PamHttpClient client, Func<long, string> pageAt, int pageSize, PageParser<TRow> parse, Func<TRow, string> idOf,
        Action<int>? rowsRead, CancellationToken cancellationToken)
    {
        pageSize = Math.Max(1, pageSize);
        var maxPages = Math.Max(1, client.Options.MaxPages);
        using var abandon = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var fetches = new Task<(List<TRow> Rows, long? Total)>?[maxPages + 1];
        Task<(List<TRow> Rows, long? Total)> Fetch(int index)
        {
            lock (fetches)
            {
                return fetches[index] ??= FetchPageAsync(index);
            }
        }

        async Task<(List<TRow> Rows, long? Total)> FetchPageAsync(int index)
        {
            await Task.Yield();
            return await client.ReadAsync(pageAt(index * (long)pageSize), async (body, ct) =>
            {
                using var json = new JsonStreamScanner(body);
                var sink = new PageSink<TRow>(pageSize, () => Prefetch(index + 1));
                var total = await parse(json, sink, ct);
                return (sink.Rows, total);
            }, abandon.Token);
        }

        // The page the caller waits for: prefetching runs at most one page ahead of it, never a chain of pages ahead.
        var awaited = 0;
        void Prefetch(int index)
        {
            if (index < maxPages && index <= Volatile.Read(ref awaited) + 1 && !abandon.IsCancellationRequested)
            {
                _ = Fetch(index);
            }
        }

        try
        {
            return await ReadPagesAsync(index =>
            {
                Volatile.Write(ref awaited, index);
                return Fetch(index);
            }, pageSize, maxPages, idOf, client.Options.Vendor, rowsRead);
        }
        finally
        {
            await abandon.CancelAsync();
            while (Pending(fetches) is { } pending)
            {
                try
                {
                    await pending;
                }
                catch (Exception ex) when (ex is OperationCanceledException or PamApiException)
                {
                    // A prefetched page nobody needs any more.
                }
            }
        }
    }

    private static Task? Pending<T>(Task<T>?[] fetches)
    {
        lock (fetches)
        {
            return fetches.FirstOrDefault(f => f is { IsCompleted: false });
        }
    }

    private static async Task<List<TRow>> ReadPagesAsync<TRow>(
        Func<int, Task<(List<TRow> Rows, long? Total)>> fetch, int pageSize, int maxPages, Func<TRow, string> idOf, string vendor, Action<int>? rowsRead)
    {
        var all = new List<TRow>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var index = 0; ; index++)
        {
            if (index >= maxPages)
            {
                throw new PamApiException(ApiErrorKind.LimitExceeded,
                    $"a {vendor} list went on past the page limit ({maxPages} pages of {pageSize}); it was not followed further");
            }

            var (rows, total) = await fetch(index);
            if (rows.Count > pageSize)
            {
                throw UntrustedAnswer.Because($"list page {index + 1}", $"the page holds {rows.Count} items, more than the {pageSize} asked for");
            }

            var fresh = 0;
            foreach (var row in rows)
            {
                if (seen.Add(idOf(row)))
                {
                    all.Add(row);
                    fresh++;
                }
            }

            if (rows.Count > 0 && fresh == 0)
            {
                throw UntrustedAnswer.Because($"list page {index + 1}", "the page repeats items already read (paging does not advance)");
            }

            if (fresh > 0)
            {
                rowsRead?.Invoke(fresh);
            }

            if (rows.Count < pageSize || (total is { } t && (index + 1L) * pageSize >= t))
            {
                return all;
            }
        }
    }
}
