using System.Text.Json;

namespace PamOperator.Engine.Apply;

/// <summary>
/// The journal of a non-transactional apply: JSON lines in <c>DIRECTORY/apply-&lt;utc time&gt;-&lt;pid&gt;[-pam].jsonl</c>
/// (the CLI's directory is <c>.pamctl/journal</c>, the operator's <c>--journal-dir</c>),
/// each written through to disk before the write it announces (so a killed process leaves its last intent behind).
/// Entries hold step names, keys, ids, non-secret values for undo, and messages; never a secret.
/// </summary>
public sealed class FileApplyJournal(string path) : IApplyJournal
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string Path { get; } = path;

    public static FileApplyJournal InDirectory(string directory, TimeProvider time, string? pam = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var suffix = pam is null ? "" : "-" + string.Concat(pam.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        var name = $"apply-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Environment.ProcessId}{suffix}.jsonl";
        return new FileApplyJournal(System.IO.Path.Combine(directory, name));
    }

    public async Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var line = JsonSerializer.Serialize(entry, Options) + "\n";
        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Created with the first entry: an apply that journals nothing (a transaction) leaves no file behind.
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            await using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.WriteThrough);
            await using var writer = new StreamWriter(stream);
            await writer.WriteAsync(line.AsMemory(), cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }
}
