using PamOperator.Operator.Hosting;

namespace PamOperator.Operator.Tests.Support;

/// <summary>An operator host running in the background until <see cref="StopAsync"/> (graceful: releases the lease).</summary>
public sealed class RunningOperator
{
    private readonly CancellationTokenSource _stop = new();

    private readonly IDisposable? _client;

    public RunningOperator(OperatorHost host, IDisposable? client = null)
    {
        _client = client;
        Host = host;
        Run = Task.Run(() => host.RunAsync(_stop.Token));
    }

    public OperatorHost Host { get; }

    public Task Run { get; }

    public async Task StopAsync()
    {
        if (_stop.IsCancellationRequested)
        {
            return;
        }

        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(20));
        _stop.Dispose();
        _client?.Dispose();
    }
}
