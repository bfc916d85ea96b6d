using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace PamOperator.Providers.Sps.Write;

/// <summary>
/// How pamctl recognises an open SPS transaction as its own after a crash. SPS ties a transaction to the REST session
/// that opened it (seed 002: the <c>session_id</c> cookie identifies the REST connection; the transaction's changes and
/// lock belong to it), so "ours" is: the transaction of a session whose id this state directory recorded for this
/// endpoint and user, opened by a process that is no longer running. The record is written before the transaction
/// is opened and removed when it is committed or rolled back; it holds the session id (a short-lived credential) in a
/// file only its owner can read (0600), and nothing else secret. A transaction of any other session is someone
/// else's: it is reported (PAM531), never touched.
/// </summary>
internal sealed class TransactionRecord(string? directory, Uri endpoint, string user)
{
    private readonly string? _path = directory is null ? null
        : Path.Combine(directory, "sps-transactions", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{endpoint}|{user}")))[..24] + ".json");

    /// <summary>A session recorded by a process that has ended (its transaction, if still open, is stale and ours).</summary>
    public string? StaleSession() => Read() is { } record && !IsRunning(record.Pid, record.Started) ? record.Session : null;

    /// <summary>Records that this process is about to open a transaction in <paramref name="session"/>, unless a
    /// running process holds the record (then its transaction is not ours to recover).</summary>
    public void Write(string session)
    {
        if (_path is null || (Read() is { } held && IsRunning(held.Pid, held.Started)))
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var self = Process.GetCurrentProcess();
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(_path, options);
        stream.Write(Encoding.UTF8.GetBytes(new JsonObject
        {
            ["endpoint"] = endpoint.ToString(),
            ["user"] = user,
            ["pid"] = Environment.ProcessId,
            ["processStarted"] = self.StartTime.ToUniversalTime().Ticks,
            ["session"] = session,
        }.ToJsonString()));
    }

    /// <summary>Forgets the record when it names <paramref name="session"/> (a record of another process stays).</summary>
    public void Remove(string session)
    {
        if (_path is not null && Read()?.Session == session)
        {
            File.Delete(_path);
        }
    }

    private (string Session, int Pid, long Started)? Read()
    {
        if (_path is null || !File.Exists(_path))
        {
            return null;
        }

        try
        {
            var record = JsonNode.Parse(File.ReadAllText(_path)) as JsonObject;
            return record?["session"]?.GetValue<string>() is { } session
                ? (session, record["pid"]?.GetValue<int>() ?? 0, record["processStarted"]?.GetValue<long>() ?? 0)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException or IOException)
        {
            // An unreadable record names no session: there is nothing to roll back through it.
            return null;
        }
    }

    private static bool IsRunning(int pid, long startedTicks)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited && process.StartTime.ToUniversalTime().Ticks == startedTicks;
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
