using System.Text;

namespace PamOperator.Cli.Tests;

/// <summary>Captures output lines and lets a test wait, bounded, for one starting with a prefix.</summary>
internal sealed class LineWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public async Task<string> WaitForLineAsync(string prefix, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var line = Text.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal) && Text.Contains(l + "\n", StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no line starting with '{prefix}' within {timeout}; output so far: {Text}");
    }
}
