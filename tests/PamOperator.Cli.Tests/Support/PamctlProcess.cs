using System.Diagnostics;
using System.Text;

namespace PamOperator.Cli.Tests;

/// <summary>
/// <c>pamctl</c> as a real child process (<c>dotnet pamctl.dll</c> from this test's output, where the project
/// reference puts it), for what in-process runs cannot show: a process killed mid-apply. Output is captured as it
/// comes. Dispose kills the whole process tree if it is still running, so no child outlives its test.
/// </summary>
public sealed class PamctlProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Found)> _waiters = [];

    private PamctlProcess(Process process) => _process = process;

    public static string DllPath { get; } = Path.Combine(AppContext.BaseDirectory, "pamctl.dll");

    public string Out
    {
        get
        {
            lock (_gate)
            {
                return _out.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts <c>dotnet pamctl.dll args</c> in <paramref name="workingDirectory"/>, with the test process's
    /// environment plus <paramref name="environment"/>.</summary>
    public static PamctlProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        StartExecutable("dotnet", workingDirectory, environment, [DllPath, .. args]);

    /// <summary>Starts <paramref name="executable"/> (e.g. an installed <c>pamctl</c>) the same way.</summary>
    public static PamctlProcess StartExecutable(string executable, string workingDirectory, IReadOnlyDictionary<string, string> environment,
        params string[] args)
    {
        var info = new ProcessStartInfo(executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new PamctlProcess(process);
        process.OutputDataReceived += (_, e) => child.Received(e.Data, child._out);
        process.ErrorDataReceived += (_, e) => child.Received(e.Data, child._error);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>The first stdout line matching <paramref name="match"/>; fails after <paramref name="timeout"/>.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var found = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            var line = _out.ToString().Split('\n').FirstOrDefault(match);
            if (line is not null)
            {
                return Task.FromResult(line);
            }

            _waiters.Add((match, found));
        }

        return found.Task.WaitAsync(timeout);
    }

    /// <summary>The exit code; throws <see cref="TimeoutException"/> when the process does not end in time.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _process.WaitForExitAsync().WaitAsync(timeout);
        return _process.ExitCode;
    }

    /// <summary>Kills the process and its children at once (no graceful stop: a crash at this point).</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            Kill();
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started or already reaped: nothing to stop.
        }
        finally
        {
            _process.Dispose();
        }
    }

    private void Received(string? line, StringBuilder sink)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            sink.Append(line).Append('\n');
            if (sink != _out)
            {
                return;
            }

            foreach (var waiter in _waiters.Where(w => w.Match(line)).ToList())
            {
                waiter.Found.TrySetResult(line);
                _waiters.Remove(waiter);
            }
        }
    }
}
