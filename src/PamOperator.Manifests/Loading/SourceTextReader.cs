using System.Buffers;
using System.Text;
using System.Text.Unicode;
using PamOperator.Core.Diagnostics;
using PamOperator.Manifests.Yaml;

namespace PamOperator.Manifests.Loading;

/// <summary>
/// Reads one input as text, refusing (with a diagnostic, never an exception for bad content) files larger than
/// <see cref="YamlLimits.MaxFileBytes"/> (checked before reading), binary files and text that is not UTF-8.
/// </summary>
internal static class SourceTextReader
{
    private static readonly SearchValues<char> ForbiddenControls = SearchValues.Create(
        [.. Enumerable.Range(1, 31).Select(i => (char)i).Where(c => c is not ('\t' or '\n' or '\r'))]);

    /// <summary>How long reading one input file may take (a FIFO without a writer never answers).</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(5);

    public static async Task<string?> ReadAsync(InputSource source, TextReader stdin, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var start = new SourceLocation(source.DisplayPath, 1, 1);
        if (source.FullPath is null)
        {
            return await ReadStdinAsync(stdin, start, diagnostics, cancellationToken);
        }

        var info = new FileInfo(source.FullPath);
        if (info.Exists && info.Length > YamlLimits.MaxFileBytes)
        {
            diagnostics.Add(TooLarge(start, $"{info.Length / (1024 * 1024)} MiB"));
            return null;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var status = BoundedFile.Read(source.FullPath, (int)YamlLimits.MaxFileBytes, ReadTimeout, out var bytes, out var error);
        switch (status)
        {
            case BoundedFile.Status.Read:
                return Decode(bytes!, source.DisplayPath, diagnostics);
            case BoundedFile.Status.TooLarge:
                diagnostics.Add(TooLarge(start, "more than 8 MiB"));
                return null;
            case BoundedFile.Status.NotRegular or BoundedFile.Status.TimedOut:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InputNotRegularFile, $"{source.DisplayPath} is not a regular file",
                    status == BoundedFile.Status.TimedOut
                        ? $"Reading it did not finish within {ReadTimeout.TotalSeconds:0} seconds (a FIFO?). Pass manifest files."
                        : "It is a device, a FIFO or a pseudo-file whose content is not what its size says. Pass manifest files.",
                    start));
                return null;
            case BoundedFile.Status.Missing:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.FileNotFound, $"no such file: {source.DisplayPath}",
                    "It disappeared while pamctl was reading the input. Run again.", start));
                return null;
            default:
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InputUnreadable, $"{source.DisplayPath} cannot be read ({error})",
                    "Make the file readable by pamctl, or leave it out of -f (or add it to .pamctlignore).", start));
                return null;
        }
    }

    private static async Task<string?> ReadStdinAsync(TextReader stdin, SourceLocation start, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        var builder = new StringBuilder();
        var chunk = new char[64 * 1024];
        int read;
        while ((read = await stdin.ReadAsync(chunk, cancellationToken)) > 0)
        {
            builder.Append(chunk, 0, read);
            if (builder.Length > YamlLimits.MaxFileBytes)
            {
                diagnostics.Add(TooLarge(start, "more than 8 MiB"));
                return null;
            }
        }

        var text = builder.ToString();
        var nul = text.IndexOf('\0', StringComparison.Ordinal);
        if (nul >= 0)
        {
            diagnostics.Add(Binary(new SourceLocation(start.File, LineOf(text.AsSpan(0, nul)), 1)));
            return null;
        }

        return CheckControlCharacters(text, start.File, diagnostics);
    }

    private static string? Decode(byte[] bytes, string file, DiagnosticBag diagnostics)
    {
        var nul = Array.IndexOf(bytes, (byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(Binary(new SourceLocation(file, LineOfBytes(bytes, nul), 1)));
            return null;
        }

        ReadOnlySpan<byte> span = bytes;
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            span = span[3..];
        }

        var chars = new char[span.Length];
        var status = Utf8.ToUtf16(span, chars, out var bytesRead, out var charsWritten, replaceInvalidSequences: false);
        if (status != OperationStatus.Done)
        {
            var offset = bytesRead + (bytes.Length - span.Length);
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotUtf8Text, "file is not UTF-8 text",
                $"Byte {offset} is not valid UTF-8. Save the file as UTF-8 (without other encodings such as UTF-16 or Latin-1).",
                new SourceLocation(file, LineOfBytes(bytes, offset), 1)));
            return null;
        }

        return CheckControlCharacters(new string(chars, 0, charsWritten), file, diagnostics);
    }

    /// <summary>YAML text may not contain C0 control characters other than tab, line feed and carriage return
    /// (YamlDotNet lets some through); they are refused here, with their line.</summary>
    private static string? CheckControlCharacters(string text, string file, DiagnosticBag diagnostics)
    {
        var index = text.AsSpan().IndexOfAny(ForbiddenControls);
        if (index < 0)
        {
            return text;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticCodes.NotUtf8Text, $"input contains the control character U+{(int)text[index]:X4}",
            "YAML text may not contain control characters other than tab and line breaks; remove it (often a paste from a terminal).",
            new SourceLocation(file, LineOf(text.AsSpan(0, index)), 1)));
        return null;
    }

    private static Diagnostic TooLarge(SourceLocation at, string size) =>
        Diagnostic.Error(DiagnosticCodes.FileTooLarge, $"input is too large ({size}; the limit is 8 MiB)",
            "Manifests are small; split the configuration into several files or directories. Nothing of this input was read.", at);

    private static Diagnostic Binary(SourceLocation at) =>
        Diagnostic.Error(DiagnosticCodes.NotUtf8Text, "input is binary, not YAML text",
            "It contains NUL bytes. Pass only YAML manifests (check the path, and .pamctlignore for directories).", at);

    private static int LineOfBytes(byte[] bytes, int offset) => 1 + bytes.AsSpan(0, offset).Count((byte)'\n');

    private static int LineOf(ReadOnlySpan<char> text) => 1 + text.Count('\n');
}
