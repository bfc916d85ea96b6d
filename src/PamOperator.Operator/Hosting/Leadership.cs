using Microsoft.Extensions.Logging;

namespace PamOperator.Operator.Hosting;

/// <summary>
/// The terms during which this instance acts (runs workers and the resync). <see cref="Start"/> begins a term once the
/// previous one has fully stopped; <see cref="Cancel"/> ends the current one at once (its token is cancelled: batches
/// stop at their next await, PAM requests in flight are aborted). <see cref="IsLeader"/> is true only between a term's
/// start and the moment all its work has stopped, and each term is kept in <see cref="Terms"/> (wall-clock start and
/// end) so tests can prove that two instances never act at once.
/// </summary>
internal sealed class Leadership(Func<CancellationToken, Task> runTerm, OperatorMetrics metrics, Liveness liveness, ILogger logger)
{
    private readonly Lock _gate = new();
    private readonly List<(DateTimeOffset Start, DateTimeOffset? End)> _terms = [];
    private CancellationTokenSource? _term;
    private Task _running = Task.CompletedTask;
    private volatile bool _acting;

    public bool IsLeader => _acting;

    public IReadOnlyList<(DateTimeOffset Start, DateTimeOffset? End)> Terms
    {
        get
        {
            lock (_gate)
            {
                return [.. _terms];
            }
        }
    }

    public void Start(CancellationToken stopping)
    {
        lock (_gate)
        {
            if (_term is not null)
            {
                return;
            }

            var term = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            _term = term;
            var previous = _running;
            _running = Task.Run(() => RunAsync(previous, term), CancellationToken.None);
        }
    }

    /// <summary>Ends the current term now; true when there was one.</summary>
    public bool Cancel()
    {
        CancellationTokenSource? term;
        lock (_gate)
        {
            term = _term;
            _term = null;
        }

        term?.Cancel();
        return term is not null;
    }

    /// <summary>Completes when the last term's work has stopped.</summary>
    public Task StopAsync()
    {
        lock (_gate)
        {
            return _running;
        }
    }

    private async Task RunAsync(Task previous, CancellationTokenSource term)
    {
        await previous;
        using (term)
        {
            if (term.IsCancellationRequested)
            {
                return;
            }

            int index;
            lock (_gate)
            {
                _terms.Add((DateTimeOffset.UtcNow, null));
                index = _terms.Count - 1;
            }

            _acting = true;
            metrics.Leading(true);
            liveness.Progressed();
            try
            {
                await runTerm(term.Token);
            }
            catch (OperationCanceledException)
            {
                // The term ended.
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogError("the leader's work stopped unexpectedly: {Error}", e.GetType().Name);
            }
            finally
            {
                _acting = false;
                metrics.Leading(false);
                lock (_gate)
                {
                    _terms[index] = (_terms[index].Start, DateTimeOffset.UtcNow);
                }
            }
        }
    }
}
