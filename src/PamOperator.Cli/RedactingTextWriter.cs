using System.Text;
using PamOperator.Core.Security;

namespace PamOperator.Cli;

/// <summary>
/// A <see cref="TextWriter"/> that passes everything through a <see cref="SecretRedactor"/> before the inner writer
/// (the console's stdout and stderr). A string is redacted as one piece; single characters are held until the end of
/// their line (or a flush), so a secret written character by character is still masked. Disposing flushes but leaves
/// the inner writer open (it is the process's console).
/// </summary>
public sealed class RedactingTextWriter(TextWriter inner, SecretRedactor redactor) : TextWriter
{
    private readonly StringBuilder _pending = new();

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        _pending.Append(value);
        if (value == '\n')
        {
            FlushPending();
        }
    }

    public override void Write(string? value)
    {
        FlushPending();
        inner.Write(redactor.Redact(value));
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override Task WriteAsync(string? value)
    {
        FlushPending();
        return inner.WriteAsync(redactor.Redact(value));
    }

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        FlushPending();
        return inner.WriteAsync(redactor.Redact(buffer.ToString()).AsMemory(), cancellationToken);
    }

    public override Task WriteLineAsync(string? value) => WriteAsync(value + NewLine);

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        WriteAsync((buffer.ToString() + NewLine).AsMemory(), cancellationToken);

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override void Flush()
    {
        FlushPending();
        inner.Flush();
    }

    public override async Task FlushAsync()
    {
        FlushPending();
        await inner.FlushAsync();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Flush();
        }

        base.Dispose(disposing);
    }

    private void FlushPending()
    {
        if (_pending.Length > 0)
        {
            var text = _pending.ToString();
            _pending.Clear();
            inner.Write(redactor.Redact(text));
        }
    }
}
