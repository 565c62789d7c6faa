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
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Current => Volatile.Read(ref _current);

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

    public void Exit()
    {
        lock (_gate)
        {
            _current--;
            Signal();
        }
    }

    /// <summary>Completes when the count satisfies <paramref name="condition"/>.</summary>
    public async Task WhenAsync(Func<int, bool> condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (condition(_current))
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
