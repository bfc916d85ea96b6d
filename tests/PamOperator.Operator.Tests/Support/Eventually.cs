using System.Diagnostics;

namespace PamOperator.Operator.Tests.Support;

/// <summary>Bounded polling: the condition is checked every 50 ms until it holds or the timeout passes (then fails).</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> condition, string because, double seconds = 20)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (condition(value))
            {
                return value;
            }

            if (watch.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"not within {seconds} s: {because}; last value: {value}");
            }

            await Task.Delay(50);
        }
    }
}
