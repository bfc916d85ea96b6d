using System.Diagnostics;
using FluentAssertions;

namespace PamOperator.Delivery.Tests.Support;

/// <summary>Runs the real kubectl (kustomize needs no API server) with an empty kubeconfig and a bounded wait.</summary>
public static class Kubectl
{
    public static async Task<string> KustomizeAsync(string directory)
    {
        var kubeconfig = System.IO.Path.GetTempFileName();
        try
        {
            var start = new ProcessStartInfo(KubectlFactAttribute.Kubectl, ["kustomize", directory])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["KUBECONFIG"] = kubeconfig;
            using var process = Process.Start(start)!;
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var error = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);

            process.ExitCode.Should().Be(0, $"kubectl kustomize {directory} failed: {await error}");
            return await output;
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
