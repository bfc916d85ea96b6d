using System.Text.Json;
using PamOperator.Core.Security;
using PamOperator.Engine.Apply;

namespace PamOperator.Cli.Workflows;

/// <summary>
/// The journal of a non-transactional apply: JSON lines in <c>.pamctl/journal/apply-&lt;utc time&gt;-&lt;pid&gt;.jsonl</c>,
/// each written through to disk before the write it announces (so a killed process leaves its last intent behind).
/// Entries hold step names, keys, ids, non-secret values for undo, and messages; never a secret.
/// </summary>
public sealed class FileApplyJournal(string path, SecretRedactor? redactor = null) : IApplyJournal
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public string Path { get; } = path;

    /// <param name="workingDirectory">Where <c>.pamctl/journal/</c> goes.</param>
    /// <param name="time">The clock that names the file.</param>
    /// <param name="redactor">Every line passes through it (a PAM's error message may echo a secret); null = none.</param>
    public static FileApplyJournal InDirectory(string workingDirectory, TimeProvider time, SecretRedactor? redactor = null)
    {
        var directory = System.IO.Path.Combine(workingDirectory, Targets.EmbeddedSimulator.StateDirectory, "journal");
        var name = $"apply-{time.GetUtcNow():yyyyMMdd'T'HHmmss'Z'}-{Environment.ProcessId}.jsonl";
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
