using System.Text.Json;

namespace PamOperator.Engine.Apply;

/// <summary>
/// Reads what an interrupted apply left in a journal directory: every step whose <c>intent</c> line has no later
/// outcome (<c>done</c>, <c>failed</c>, <c>compensated</c>, <c>compensation-failed</c>). Such a write may or may not
/// have reached the PAM; the next plan observes the PAM and converges (a create is looked up by natural key before it
/// is sent again), so the record serves people and logs, not replay. Unreadable lines are skipped. Reads only.
/// </summary>
public static class JournalRecovery
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>Unfinished intents by journal file, oldest file first; empty when the directory is missing.</summary>
    public static IReadOnlyList<(string File, JournalEntry Intent)> Unfinished(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var open = new List<(string, JournalEntry)>();
        foreach (var file in Directory.EnumerateFiles(directory, "apply-*.jsonl").Order(StringComparer.Ordinal))
        {
            var pending = new Dictionary<string, JournalEntry>(StringComparer.Ordinal);
            foreach (var entry in File.ReadLines(file).Select(Parse).OfType<JournalEntry>())
            {
                if (entry.Phase == "intent")
                {
                    pending[entry.Step] = entry;
                }
                else
                {
                    pending.Remove(entry.Step);
                }
            }

            open.AddRange(pending.Values.Select(e => (file, e)));
        }

        return open;
    }

    private static JournalEntry? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<JournalEntry>(line, Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
