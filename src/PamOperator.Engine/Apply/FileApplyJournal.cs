using System.Text.Json;
using PamOperator.Core.Security;

namespace PamOperator.Engine.Apply;

/// <summary>
/// The journal of a non-transactional apply: JSON lines in <c>DIRECTORY/apply-&lt;utc time&gt;-&lt;pid&gt;[-pam].jsonl</c>
/// (the CLI's directory is <c>.pamctl/journal</c>, the operator's <c>JournalDirectory</c>), each written through to disk
/// before the write it announces (so a killed process leaves its last intent behind). Entries hold step names, keys,
/// ids, non-secret values for undo, and messages; never a secret: every line also passes through the redactor, since a
/// PAM's error message may echo one.
/// </summary>
public sealed class FileApplyJournal(string path, SecretRedactor? redactor = null) : IApplyJournal
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string Path { get; } = path;

    /// <param name="directory">Where the journal file goes (created with the first entry).</param>
    /// <param name="time">The clock that names the file.</param>
    /// <param name="pam">The PAM's name, added to the file name when a run applies several; null = none.</param>
    /// <param name="redactor">Every line passes through it; null = none.</param>
    public static FileApplyJournal InDirectory(string directory, TimeProvider time, string? pam = null, SecretRedactor? redactor = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var suffix = pam is null ? "" : "-" + string.Concat(pam.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' ? c : '_'));
        var name = $"apply-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Environment.ProcessId}{suffix}.jsonl";
        return new FileApplyJournal(System.IO.Path.Combine(directory, name), redactor);
    }

    public async Task RecordAsync(JournalEntry entry, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(entry, Options);
        var line = (redactor?.Redact(json) ?? json) + "\n";
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
