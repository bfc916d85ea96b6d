namespace PamOperator.Providers.Http;

/// <summary>
/// Where a page parser puts the rows of one page as it reads them. When the page reaches the requested size (so a
/// next page may exist), <see cref="PageReader"/> starts fetching the next page while this one is still being parsed.
/// </summary>
public sealed class PageSink<TRow>
{
    private readonly int _pageSize;
    private readonly Action _onFull;

    internal PageSink(int pageSize, Action onFull)
    {
        _pageSize = pageSize;
        _onFull = onFull;
    }

    public List<TRow> Rows { get; } = [];

    public void Add(TRow row)
    {
        Rows.Add(row);
        if (Rows.Count == _pageSize)
        {
            _onFull();
        }
    }
}
