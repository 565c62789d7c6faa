using System.Collections.Concurrent;
using System.Net;

namespace Sandbox.Protocols.Transport;

/// <summary>
/// The registry of protocol listeners: each expected listener is declared at start-up and
/// marked bound with its real endpoint (port 0 binds an ephemeral port). Readiness means
/// every declared listener is bound.
/// </summary>
public sealed class BoundEndpoints
{
    private readonly ConcurrentDictionary<string, IPEndPoint?> _endpoints = new(StringComparer.Ordinal);

    /// <summary>Declares a listener that must bind before the process is ready.</summary>
    public void Expect(string name) => _endpoints.TryAdd(name, null);

    public void Bound(string name, IPEndPoint endpoint) => _endpoints[name] = endpoint;

    public bool AllBound => !_endpoints.IsEmpty && _endpoints.Values.All(e => e is not null);

    public IPEndPoint? Get(string name) => _endpoints.TryGetValue(name, out var e) ? e : null;

    /// <summary>Bound ports by listener name (unbound listeners are absent).</summary>
    public IReadOnlyDictionary<string, int> Ports =>
        _endpoints.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value!.Port, StringComparer.Ordinal);
}
