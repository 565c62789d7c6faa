using System.Collections.Concurrent;
using System.Net;

namespace Sandbox.Protocols.Transport;

/// <summary>
/// Caps concurrent connections of one protocol, in total and per client address
/// (security.md: 1,000 / 200 by default). Beyond a cap the listener refuses the connection
/// with the protocol's "too many connections" reply; existing sessions are unaffected.
/// </summary>
public sealed class ConnectionLimiter(int maxTotal, int maxPerAddress)
{
    private readonly ConcurrentDictionary<IPAddress, int> _perAddress = new();
    private int _total;

    public int Active => Volatile.Read(ref _total);

    public bool TryAcquire(IPAddress address)
    {
        if (Interlocked.Increment(ref _total) > maxTotal)
        {
            Interlocked.Decrement(ref _total);
            return false;
        }

        if (_perAddress.AddOrUpdate(address, 1, (_, n) => n + 1) > maxPerAddress)
        {
            Release(address);
            return false;
        }

        return true;
    }

    public void Release(IPAddress address)
    {
        Interlocked.Decrement(ref _total);
        _perAddress.AddOrUpdate(address, 0, (_, n) => n - 1);
        _perAddress.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
    }
}
