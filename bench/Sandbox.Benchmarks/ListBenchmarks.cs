using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Mime;
using Sandbox.Core.Store;
using Sandbox.Server.Api;

namespace Sandbox.Benchmarks;

/// <summary>The REST list endpoint's work: newest 50 summaries of a full store, serialised as the app does.</summary>
[MemoryDiagnoser]
public class ListBenchmarks
{
    private static readonly MessageEnvelope Envelope = new() { MailFrom = "sender@bench.local", RcptTo = ["rcpt@bench.local"] };
    private readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private MessageStore _store = null!;

    [Params(10_000, 100_000)]
    public int Stored { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new MessageStore(new StoreOptions { MaxMessages = int.MaxValue, MaxBytes = long.MaxValue }, TimeProvider.System);
        var raw = SampleMessages.Small();
        var view = MessageViewBuilder.Build(raw, new IngestLimits());
        for (var i = 0; i < Stored; i++)
        {
            _store.Add(raw, Envelope, view);
        }
    }

    [Benchmark]
    public byte[] ListNewest50()
    {
        var items = new List<MessageSummaryDto>(50);
        foreach (var message in _store.NewestFirst())
        {
            items.Add(MessageMapper.ToSummary(message));
            if (items.Count == 50)
            {
                break;
            }
        }

        var page = new MessageListDto(items, _store.Count, _store.HeadSeq, items[^1].Seq);
        return JsonSerializer.SerializeToUtf8Bytes(page, _json);
    }
}
