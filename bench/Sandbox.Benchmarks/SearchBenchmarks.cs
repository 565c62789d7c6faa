using BenchmarkDotNet.Attributes;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Query;
using Sandbox.Core.Store;

namespace Sandbox.Benchmarks;

/// <summary>
/// Scans of a store of 10,000 distinct ~2 KB messages with the filters that read bodies or
/// headers (text=, q= words, header=), where every message is examined (no match, or for
/// HeaderValueHitAll every message matches), and the snippets of a list page. Bodies and headers are decoded from the raw bytes on demand, so
/// these measure that cost.
/// </summary>
[MemoryDiagnoser]
public class SearchBenchmarks
{
    private static readonly MessageFilter TextFilter = new() { Text = "no such phrase" };
    private static readonly MessageFilter WordFilter = new() { Query = SearchQuery.Parse("nosuchword") };
    private static readonly MessageFilter HeaderValueFilter = new() { Headers = [HeaderCondition.Parse("Subject:no such subject")] };
    private static readonly MessageFilter HeaderNameFilter = new() { Headers = [HeaderCondition.Parse("X-Absent:")] };
    private static readonly MessageFilter HeaderAllFilter = new() { Headers = [HeaderCondition.Parse("Subject:bench message")] };

    private MessageStore _store = null!;

    [Params(10_000)]
    public int Stored { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new MessageStore(new StoreOptions { MaxMessages = int.MaxValue, MaxBytes = long.MaxValue }, TimeProvider.System);
        var ingestor = new MessageIngestor(_store, new IngestLimits(), 64L * 1024 * 1024);
        var envelope = new MessageEnvelope { MailFrom = "sender@bench.local", RcptTo = ["rcpt@bench.local"] };
        for (var i = 0; i < Stored; i++)
        {
            ingestor.Ingest(SampleMessages.Small(i), envelope);
        }
    }

    [Benchmark]
    public int TextMiss() => Count(TextFilter);

    [Benchmark]
    public int QueryWordMiss() => Count(WordFilter);

    [Benchmark]
    public int HeaderValueMiss() => Count(HeaderValueFilter);

    [Benchmark]
    public int HeaderNameMiss() => Count(HeaderNameFilter);

    /// <summary>A header condition every message meets: the worst case, each header block is parsed.</summary>
    [Benchmark]
    public int HeaderValueHitAll() => Count(HeaderAllFilter);

    /// <summary>The snippets of one REST list page (50 newest).</summary>
    [Benchmark]
    public int Snippets50() => _store.NewestFirst().Take(50).Sum(m => m.View.Snippet.Length);

    private int Count(MessageFilter filter)
    {
        var n = 0;
        foreach (var message in _store.NewestFirst())
        {
            n += filter.Matches(message) ? 1 : 0;
        }

        return n;
    }
}
