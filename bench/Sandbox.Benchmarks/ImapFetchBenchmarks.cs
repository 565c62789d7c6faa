using BenchmarkDotNet.Attributes;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Mime;
using Sandbox.Protocols.Imap;
using Sandbox.Protocols.Imap.Commands;
using Sandbox.Protocols.Imap.Mime;
using Sandbox.Protocols.Imap.Parsing;

namespace Sandbox.Benchmarks;

/// <summary>
/// IMAP <c>FETCH n (UID ENVELOPE BODYSTRUCTURE)</c> per message: the cold build (a message no
/// session has fetched yet) and the response line once the message's data is known.
/// </summary>
[MemoryDiagnoser]
public class ImapFetchBenchmarks
{
    private static readonly MessageEnvelope Envelope = new() { MailFrom = "sender@bench.local", RcptTo = ["rcpt@bench.local"] };
    private readonly List<FetchItem> _items = [new(FetchItemKind.Uid), new(FetchItemKind.Envelope), new(FetchItemKind.BodyStructure)];
    private readonly ImapResponseWriter _writer = new();
    private readonly ImapMessageCache _cache = new();
    private byte[] _raw = [];
    private MessageView _view = null!;
    private StoredMessage _warm = null!;
    private uint _seq;

    [Params("2KB", "100KB")]
    public string Size { get; set; } = "2KB";

    [GlobalSetup]
    public void Setup()
    {
        _raw = Size == "2KB" ? SampleMessages.Small() : SampleMessages.Large();
        _view = MessageViewBuilder.Build(_raw, new IngestLimits());
        _warm = NewMessage();
        FetchCommand.Write(_writer, _cache, 1, _warm, _items, addFlags: false);
        _writer.Reset();
    }

    /// <summary>ENVELOPE and BODYSTRUCTURE of a message seen for the first time (what the first FETCH 1:* pays per message).</summary>
    [Benchmark]
    public int ColdEnvelopeAndBodyStructure()
    {
        var message = NewMessage();
        _writer.Reset();
        _cache.WriteEnvelope(_writer, message);
        _cache.WriteBodyStructure(_writer, message, extensible: true);
        return _writer.Length;
    }

    /// <summary>The whole response line for a message seen for the first time.</summary>
    [Benchmark]
    public int FetchLineCold()
    {
        _writer.Reset();
        FetchCommand.Write(_writer, _cache, 1, NewMessage(), _items, addFlags: false);
        return _writer.Length;
    }

    /// <summary>The whole response line for a message fetched before (a later FETCH 1:*).</summary>
    [Benchmark]
    public int FetchLineWarm()
    {
        _writer.Reset();
        FetchCommand.Write(_writer, _cache, 1, _warm, _items, addFlags: false);
        return _writer.Length;
    }

    // A fresh message object per call: the per-message IMAP data is keyed by the stored message.
    private StoredMessage NewMessage() =>
        new(++_seq, 1u, DateTimeOffset.UnixEpoch, _raw, Envelope, _view, MessageFlags.None, MessagePlacement.Inbox);
}
