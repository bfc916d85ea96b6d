namespace PamOperator.Simulators.Fudo.Tests.Support;

/// <summary>One in-memory simulator per test class (xunit class fixture), with the built-in fixtures.</summary>
public sealed class SimulatorFixture : IAsyncLifetime
{
    private FudoSimulator? _simulator;
    private FudoApi? _api;

    public FudoSimulator Simulator => _simulator ?? throw new InvalidOperationException("not started");

    public FudoApi Api => _api ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _simulator = await FudoSimulator.StartAsync(new FudoSimulatorOptions());
        _api = new FudoApi(_simulator);
    }

    public async Task DisposeAsync()
    {
        _api?.Dispose();
        if (_simulator is not null)
        {
            await _simulator.DisposeAsync();
        }
    }
}
