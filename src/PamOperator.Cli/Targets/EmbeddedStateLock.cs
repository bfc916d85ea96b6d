using PamOperator.Core.Diagnostics;

namespace PamOperator.Cli.Targets;

/// <summary>
/// An exclusive lock on the embedded simulator's state directory (<c>.pamctl/lock</c>), held for a whole run, so that
/// two runs in one directory cannot race on <c>.pamctl/</c>. The lock is the operating system's (an open file shared
/// with nobody: <c>flock</c> on Unix), so it is released when the holder exits, even by a crash: a stale lock file is
/// harmless. A second run waits up to <see cref="DefaultWait"/>, then gets <see cref="DiagnosticCodes.StateLocked"/>.
/// </summary>
public sealed class EmbeddedStateLock : IDisposable
{
    public const string FileName = "lock";

    /// <summary>How long a second run waits for the first: 10 seconds (a plan against the simulator takes about one).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _file;

    private EmbeddedStateLock(FileStream file) => _file = file;

    /// <summary>Takes the lock on <paramref name="stateDirectory"/> (created if missing), waiting up to
    /// <paramref name="wait"/>; null with a diagnostic when another run holds it.</summary>
    public static async Task<EmbeddedStateLock?> AcquireAsync(string stateDirectory, TimeSpan wait, DiagnosticBag diagnostics, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(stateDirectory);
        var path = Path.Combine(stateDirectory, FileName);
        var deadline = DateTimeOffset.UtcNow + wait;
        while (true)
        {
            try
            {
                return new EmbeddedStateLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(Poll, cancellationToken);
            }
            catch (IOException)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.StateLocked,
                    $"another pamctl run is using the embedded simulator's state in {stateDirectory}",
                    $"Waited {wait.TotalSeconds:0} seconds for it. Wait until the other run ends, or run in another directory. The simulator's state was not touched."));
                return null;
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
