using System.Buffers;
using BenchmarkDotNet.Attributes;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Mime;
using Sandbox.Core.Store;
using Sandbox.Protocols.Smtp;

namespace Sandbox.Benchmarks;

/// <summary>The SMTP ingest path per message: copy of the DATA bytes, pre-checks, MIME view, commit.</summary>
[MemoryDiagnoser]
public class IngestBenchmarks
{
    private static readonly MessageEnvelope Envelope = new() { MailFrom = "sender@bench.local", RcptTo = ["rcpt@bench.local"], Helo = "bench.local" };
    private readonly IngestLimits _limits = new();
    private byte[] _raw = [];
    private string? _text;
    private ReadOnlySequence<byte> _data;
    private MessageIngestor _ingestor = null!;

    [Params("2KB", "100KB")]
    public string Size { get; set; } = "2KB";

    [GlobalSetup]
    public void Setup()
    {
        _raw = Size == "2KB" ? SampleMessages.Small() : SampleMessages.Large();
        _data = SampleMessages.AsDataSequence(_raw);
        _text = MessageViewBuilder.Build(_raw, _limits).Text;

        // A capped store, so that the steady state includes one eviction per add.
        var store = new MessageStore(new StoreOptions { MaxMessages = 1_000, MaxBytes = long.MaxValue }, TimeProvider.System);
        _ingestor = new MessageIngestor(store, _limits, 64L * 1024 * 1024);
    }

    [Benchmark]
    public byte[] CopyDataBytes() => SandboxMessageStore.CopyMessage(_data);

    [Benchmark]
    public PreCheckFailure PreChecks() => RawPreChecks.CheckHeaders(_raw, _limits);

    [Benchmark]
    public MessageView BuildView() => MessageViewBuilder.Build(_raw, _limits);

    /// <summary>The one-time-code heuristics over the text body (part of BuildView).</summary>
    [Benchmark]
    public IReadOnlyList<string> Codes() => CodeExtractor.Extract(_text, null);

    /// <summary>The link extraction over the text body (part of BuildView).</summary>
    [Benchmark]
    public IReadOnlyList<MessageLink> Links() => LinkExtractor.Extract(_text, null);

    /// <summary>What SandboxMessageStore.SaveAsync does per message, minus the socket.</summary>
    [Benchmark]
    public IngestResult CopyAndIngest() => _ingestor.Ingest(SandboxMessageStore.CopyMessage(_data), Envelope);
}
