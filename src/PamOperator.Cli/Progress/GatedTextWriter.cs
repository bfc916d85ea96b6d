using System.Text;

namespace PamOperator.Cli.Progress;

/// <summary>A stream of pamctl (stdout or stderr) whose writes pass through an <see cref="OutputGate"/>. Disposing
/// flushes but leaves the inner writer open (it is the process's console).</summary>
internal sealed class GatedTextWriter(TextWriter inner, OutputGate gate) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value) => gate.Write(inner, value.ToString());

    public override void Write(string? value) => gate.Write(inner, value ?? "");

    public override void Write(char[] buffer, int index, int count) => gate.Write(inner, new string(buffer, index, count));

    public override void WriteLine(string? value) => Write(value + NewLine);

    public override Task WriteAsync(char value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(string? value)
    {
        Write(value);
        return Task.CompletedTask;
    }

    public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.ToString());
        return Task.CompletedTask;
    }

    public override Task WriteLineAsync(string? value) => WriteAsync(value + NewLine);

    public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) =>
        WriteAsync((buffer.ToString() + NewLine).AsMemory(), cancellationToken);

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();
}
