using System.Collections.Concurrent;

namespace Sandbox.Core.Mime;

/// <summary>A concurrent map from a value to its shared form, cleared when it reaches its capacity.</summary>
internal sealed class BoundedPool<TKey, TValue>(int capacity, IEqualityComparer<TKey> comparer)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries = new(comparer);
    private int _count;

    /// <summary>Entries held now (for tests; O(n)).</summary>
    internal int Count => _entries.Count;

    public TValue Share(TKey key, Func<TKey, TValue> create)
    {
        if (_entries.TryGetValue(key, out var shared))
        {
            return shared;
        }

        // The count is approximate under races; it only has to bound the pool.
        if (Interlocked.Increment(ref _count) > capacity)
        {
            _entries.Clear();
            Interlocked.Exchange(ref _count, 1);
        }

        return _entries.GetOrAdd(key, create);
    }
}
