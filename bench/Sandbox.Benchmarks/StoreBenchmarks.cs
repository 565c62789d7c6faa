using BenchmarkDotNet.Attributes;
using Sandbox.Core.Messages;
using Sandbox.Core.Mime;
using Sandbox.Core.Store;

namespace Sandbox.Benchmarks;

/// <summary>The store: add with eviction at the cap, newest-first paging, lookup.</summary>
[MemoryDiagnoser]
public class StoreBenchmarks
{
    private static readonly MessageEnvelope Envelope = new() { MailFrom = "sender@bench.local", RcptTo = ["rcpt@bench.local"] };
    private readonly ReadOnlyMemory<byte> _raw = SampleMessages.Small();
    private MessageStore _full = null!;
    private MessageStore _capped = null!;
    private uint _middle;

    [Params(10_000, 100_000)]
    public int Stored { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _full = new MessageStore(new StoreOptions { MaxMessages = int.MaxValue, MaxBytes = long.MaxValue }, TimeProvider.System);
        _capped = new MessageStore(new StoreOptions { MaxMessages = Stored, MaxBytes = long.MaxValue }, TimeProvider.System);
        for (var i = 0; i < Stored; i++)
        {
            _full.Add(_raw, Envelope, MessageView.Empty);
            _capped.Add(_raw, Envelope, MessageView.Empty);
        }

        _middle = _full.HeadSeq / 2;
    }

    /// <summary>Add to a full store: one oldest-first eviction per add.</summary>
    [Benchmark]
    public StoredMessage? AddEvict() => _capped.Add(_raw, Envelope, MessageView.Empty);

    [Benchmark]
    public int NewestFirst50()
    {
        var n = 0;
        foreach (var _ in _full.NewestFirst())
        {
            if (++n == 50)
            {
                break;
            }
        }

        return n;
    }

    [Benchmark]
    public StoredMessage? GetBySeq() => _full.Get(_middle);
}
