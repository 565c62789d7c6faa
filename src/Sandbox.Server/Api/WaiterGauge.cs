namespace Sandbox.Server.Api;

/// <summary>
/// Counts long-lived API requests (waits, event streams) against a cap. <see cref="Current"/>
/// is reported in <c>/api/v1/info</c> so a leak shows; tests await <see cref="WhenAsync"/>
/// instead of polling.
/// </summary>
internal sealed class WaiterGauge
{
    private readonly Lock _gate = new();
    private int _current;
    private int _listening;
    private long _registrations;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Current => Volatile.Read(ref _current);

    /// <summary>Waiters that are subscribed to the change feed and have scanned the store.</summary>
    public int Listening => Volatile.Read(ref _listening);

    /// <summary>How many waiters have started listening since start-up (never decreases).</summary>
    public long Registrations => Volatile.Read(ref _registrations);

    public bool TryEnter(int max)
    {
        lock (_gate)
        {
            if (_current >= max)
            {
                return false;
            }

            _current++;
            Signal();
            return true;
        }
    }

    public void MarkListening()
    {
        lock (_gate)
        {
            _listening++;
            _registrations++;
            Signal();
        }
    }

    public void Exit(bool wasListening)
    {
        lock (_gate)
        {
            _current--;
            _listening -= wasListening ? 1 : 0;
            Signal();
        }
    }

    /// <summary>Completes when the count satisfies <paramref name="condition"/>.</summary>
    public async Task WhenAsync(Func<WaiterGauge, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(this))
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
