namespace PamOperator.Cli.Progress;

/// <summary>
/// Keeps pamctl's own stdout and stderr writes and the live display from overwriting each other on one terminal: while
/// a region is attached, each write erases the region, goes to its stream unchanged (stdout stays byte for byte what
/// it is without the display), and the region is drawn again below it once every stream is at the start of a line.
/// Without a region a write passes straight through. Thread-safe.
/// </summary>
internal sealed class OutputGate
{
    private readonly Lock _gate = new();
    private readonly HashSet<TextWriter> _midLine = [];
    private ILiveRegion? _region;

    public void Attach(ILiveRegion region)
    {
        lock (_gate)
        {
            _region = region;
            Redraw();
        }
    }

    /// <summary>Erases the region and stops drawing it.</summary>
    public void Detach()
    {
        lock (_gate)
        {
            _region?.Erase();
            _region = null;
        }
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="writer"/> above the region.</summary>
    public void Write(TextWriter writer, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        lock (_gate)
        {
            _region?.Erase();
            writer.Write(text);
            if (_region is not null)
            {
                writer.Flush();
            }

            if (text[^1] == '\n')
            {
                _midLine.Remove(writer);
            }
            else
            {
                _midLine.Add(writer);
            }

            Redraw();
        }
    }

    /// <summary>Draws the region again with its current lines (after a change of progress).</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            if (_region is not null)
            {
                _region.Erase();
                Redraw();
            }
        }
    }

    private void Redraw()
    {
        if (_region is not null && _midLine.Count == 0)
        {
            _region.Draw();
        }
    }
}
