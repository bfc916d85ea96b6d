namespace PamOperator.Simulators.Common.Faults;

/// <summary>
/// The fault settings in effect and their counters (thread-safe). Applying settings restarts every counter, so "the
/// Nth write" and "the next N requests" count from that moment.
/// </summary>
public sealed class FaultState(TimeProvider time)
{
    private readonly Lock _lock = new();
    private FaultSettings _settings = new();
    private Random _random = new();
    private int _writes;
    private int _failNext;
    private int _rateLimitNext;
    private int _dropNext;
    private int _timeoutNext;
    private long _windowSecond = -1;
    private int _windowCount;

    public void Apply(FaultSettings settings)
    {
        lock (_lock)
        {
            _settings = settings;
            _random = settings.RandomSeed is { } seed ? new Random(seed) : new Random();
            _writes = 0;
            _failNext = settings.FailNextRequests;
            _rateLimitNext = settings.RateLimitNextRequests;
            _dropNext = settings.DropNextRequests;
            _timeoutNext = settings.TimeoutNextRequests;
            _windowSecond = -1;
            _windowCount = 0;
        }
    }

    /// <summary>The settings with the "next N" counts replaced by what is left of them.</summary>
    public FaultSettings Current
    {
        get
        {
            lock (_lock)
            {
                return _settings with
                {
                    FailNextRequests = _failNext,
                    RateLimitNextRequests = _rateLimitNext,
                    DropNextRequests = _dropNext,
                    TimeoutNextRequests = _timeoutNext,
                    FailNthWrite = _settings.FailNthWrite is { } n && _writes < n ? n - _writes : null,
                };
            }
        }
    }

    /// <summary>Decides, once per HTTP request, what happens to it; consumes the counters it uses.</summary>
    public FaultDecision Decide()
    {
        lock (_lock)
        {
            var s = _settings;
            var latency = s.LatencyMs;
            if (Take(ref _dropNext))
            {
                return new FaultDecision(latency, FaultAction.Drop);
            }

            if (Take(ref _timeoutNext))
            {
                return new FaultDecision(latency, FaultAction.Timeout, 504, HoldMs: s.TimeoutHoldMs);
            }

            if (Take(ref _rateLimitNext) || OverRate(s))
            {
                return new FaultDecision(latency, FaultAction.RateLimited, 429, RetryAfterSeconds: s.RetryAfterSeconds);
            }

            if (Take(ref _failNext) || (s.FailureRate > 0 && _random.NextDouble() < s.FailureRate))
            {
                return new FaultDecision(latency, FaultAction.Fail, s.FailureStatusCode);
            }

            return new FaultDecision(latency, FaultAction.None);
        }
    }

    /// <summary>Counts one mutating request; true when it is the Nth since the settings were applied.</summary>
    public bool ConsumeWrite()
    {
        lock (_lock)
        {
            _writes++;
            return _settings.FailNthWrite == _writes;
        }
    }

    private static bool Take(ref int counter)
    {
        if (counter <= 0)
        {
            return false;
        }

        counter--;
        return true;
    }

    private bool OverRate(FaultSettings s)
    {
        if (s.RateLimitPerSecond is not { } limit)
        {
            return false;
        }

        var second = time.GetUtcNow().ToUnixTimeSeconds();
        if (second != _windowSecond)
        {
            _windowSecond = second;
            _windowCount = 0;
        }

        return ++_windowCount > limit;
    }
}
