using Microsoft.Extensions.Hosting;

namespace PamOperator.Simulators.Common.Hosting;

/// <summary>
/// Replaces the host's default console lifetime, which would take over the process's Ctrl+C and SIGTERM: an embedded
/// simulator (tests, the CLI, benchmarks) is stopped only by disposing it, and leaves signals to its host process.
/// </summary>
internal sealed class EmbeddedHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
