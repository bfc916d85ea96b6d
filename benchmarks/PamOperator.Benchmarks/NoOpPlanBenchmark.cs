using System.Diagnostics;
using System.Text;
using PamOperator.Cli;

namespace PamOperator.Benchmarks;

/// <summary>
/// Loads N safes into the simulator (a separate process), declares the same N in manifests, and times `pamctl plan`
/// (read, validate, observe by list pages, plan, render) in this process, counting the PAM API calls and the time the
/// PAM spent answering them from the simulator's request log.
/// </summary>
internal static class NoOpPlanBenchmark
{
    private const int PageSize = 1000;

    public static async Task<BenchmarkResult> RunAsync(int objects)
    {
        await using var simulator = await SimulatorProcess.StartAsync();
        await simulator.BulkInsertAsync("safe", objects, "bench-");
        var directory = Directory.CreateTempSubdirectory("pamctl-bench-").FullName;
        try
        {
            WriteManifests(directory, objects, simulator.BaseAddress);
            await simulator.ClearRequestLogAsync();
            GC.Collect();
            var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
            var clock = Stopwatch.StartNew();
            var exit = await PlanAsync(directory, simulator.ApiKey);
            clock.Stop();
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
            using var self = Process.GetCurrentProcess();
            var liveSafes = objects + 1; // the fixtures hold one safe
            var (calls, serving) = await simulator.RequestLogAsync();
            return new BenchmarkResult(objects, exit, clock.Elapsed, serving, allocated, self.PeakWorkingSet64, calls, (liveSafes / PageSize) + 1);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<int> PlanAsync(string directory, string apiKey)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = CliConsole.ForTest(output, error) with
        {
            WorkingDirectory = directory,
            Environment = name => name == "BENCH_API_KEY" ? apiKey : null,
        };
        var exit = await PamctlApp.RunAsync(["plan", "-f", directory, "--detailed-exitcode"], console, CancellationToken.None);
        if (exit != 0)
        {
            await Console.Error.WriteAsync(error.ToString());
        }

        return exit;
    }

    private static void WriteManifests(string directory, int objects, Uri endpoint)
    {
        File.WriteAllText(Path.Combine(directory, "providerconfig.yaml"),
            $"apiVersion: pamoperator.io/v1alpha1\nkind: ProviderConfig\nmetadata:\n  name: bench\nspec:\n  vendor: fudo\n  endpoint: {endpoint}\n"
            + "  credentials:\n    valueFrom:\n      env: BENCH_API_KEY\n  rateLimit:\n    requestsPerSecond: 1000\n    burst: 1000\n");
        const int perFile = 5000;
        for (var start = 1; start <= objects; start += perFile)
        {
            var sb = new StringBuilder();
            for (var i = start; i < start + perFile && i <= objects; i++)
            {
                sb.Append("apiVersion: fudo.pamoperator.io/v1alpha1\nkind: Safe\nmetadata:\n  name: bench-").Append(i).Append("\nspec: {}\n---\n");
            }

            File.WriteAllText(Path.Combine(directory, $"safes-{start:000000}.yaml"), sb.ToString());
        }
    }
}
