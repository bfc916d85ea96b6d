using System.Diagnostics;

namespace PamOperator.TestSupport;

/// <summary>
/// Runs the real kubectl against a test server with a temp kubeconfig and a fresh cache dir. Every process is bounded
/// by a timeout and killed in finally.
/// </summary>
public sealed class Kubectl : IDisposable
{
    public const string Path = "/usr/bin/kubectl";

    private readonly string _directory = Directory.CreateTempSubdirectory("kubectl-").FullName;

    public Kubectl(Uri server)
    {
        KubeConfig = System.IO.Path.Combine(_directory, "config");
        File.WriteAllText(KubeConfig, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: fake
              cluster:
                server: {server.ToString().TrimEnd('/')}
            contexts:
            - name: fake
              context:
                cluster: fake
                namespace: default
            current-context: fake
            """);
    }

    public string KubeConfig { get; }

    public string WorkDirectory => _directory;

    /// <summary>Runs kubectl with space-separated arguments (none may contain a space or a quote).</summary>
    public Task<KubectlResult> RunAsync(string arguments, TimeSpan? timeout = null) =>
        RunAsync(arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries), timeout);

    public async Task<KubectlResult> RunAsync(IReadOnlyList<string> arguments, TimeSpan? timeout = null)
    {
        using var process = Start(arguments);
        return await CollectAsync(process, timeout ?? TimeSpan.FromSeconds(30));
    }

    /// <summary>Starts a long-running kubectl (e.g. get -w); the caller reads its output and must dispose it (which kills it).</summary>
    public Process Start(IReadOnlyList<string> arguments)
    {
        var info = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--kubeconfig", KubeConfig, "--cache-dir", System.IO.Path.Combine(_directory, "cache") }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["HOME"] = _directory;
        return Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
    }

    /// <summary>Runs <c>kubectl kustomize DIRECTORY</c> (no API server needed) with an empty kubeconfig, bounded.</summary>
    public static async Task<KubectlResult> KustomizeAsync(string directory, TimeSpan? timeout = null)
    {
        var kubeconfig = System.IO.Path.GetTempFileName();
        var info = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("kustomize");
        info.ArgumentList.Add(directory);
        info.Environment["KUBECONFIG"] = kubeconfig;
        try
        {
            using var process = Process.Start(info) ?? throw new InvalidOperationException("kubectl did not start");
            return await CollectAsync(process, timeout ?? TimeSpan.FromSeconds(60));
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    /// <summary>Waits for a started kubectl (bounded by <paramref name="timeout"/>), then kills what is left of it.</summary>
    private static async Task<KubectlResult> CollectAsync(Process process, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(cts.Token);
            var stderr = process.StandardError.ReadToEndAsync(cts.Token);
            await process.WaitForExitAsync(cts.Token);
            return new KubectlResult(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Kill(process);
        }
    }

    public static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
