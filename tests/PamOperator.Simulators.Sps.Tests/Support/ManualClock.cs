namespace PamOperator.Simulators.Sps.Tests.Support;

/// <summary>A clock the test moves by hand (expiry without waiting).</summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
