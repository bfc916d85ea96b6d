namespace PamOperator.Operator.Queue;

/// <summary>Exponential retry delay: <see cref="Initial"/> * 2^(failures-1), capped at <see cref="Max"/>.</summary>
public sealed record Backoff(TimeSpan Initial, TimeSpan Max)
{
    public static Backoff Default { get; } = new(TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));

    public TimeSpan Delay(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        var ticks = Math.Min(Max.Ticks, Initial.Ticks * (1L << Math.Min(exponent, 20)));
        return TimeSpan.FromTicks(ticks);
    }
}
