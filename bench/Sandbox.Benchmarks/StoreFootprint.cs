using System.Net;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Mime;
using Sandbox.Core.Store;
using Sandbox.Protocols.Smtp;

namespace Sandbox.Benchmarks;

/// <summary>
/// Live managed bytes per stored message after a full GC (not a timing): what the store keeps
/// for each ~2 KB message (raw bytes, envelope, parsed view). Run with <c>-- footprint [N]</c>.
/// Each message gets its own envelope with freshly built strings, as the SMTP adapter builds
/// them (SandboxMessageStore.SaveAsync), over connections of 100 messages (one HELO string and
/// one remote end point each). The breakdown stores the same messages again without a view
/// (raw bytes and store entry only), then with the SMTP envelopes but no view. A warm-up run
/// first keeps one-time static state out of the numbers.
/// </summary>
internal static class StoreFootprint
{
    private const string Sender = "sender";
    private const string Recipient = "rcpt";
    private const string Host = "bench.local";
    private static readonly MessageEnvelope Shared = new() { MailFrom = "sender@bench.local", RcptTo = ["rcpt@bench.local"] };

    public static void Run(int count)
    {
        // One-time state (MimeKit's tables, the extractors' compiled regexes) is not per message.
        Measure(100, (ingestor, raw, envelope) => ingestor.Ingest(raw, envelope));

        var (full, store) = Measure(count, (ingestor, raw, envelope) => ingestor.Ingest(raw, envelope));
        var raw = store.Bytes / (double)count;
        Console.WriteLine($"stored {store.Count} messages; raw {raw:F0} B/msg; live managed heap {full:F0} B/msg ({full * count / 1048576.0:F1} MiB)");

        var (bare, _) = Measure(count, (ingestor, raw, _) => ingestor.Store.Add(raw, Shared, MessageView.Empty));
        var (enveloped, _) = Measure(count, (ingestor, raw, envelope) => ingestor.Store.Add(raw, envelope, MessageView.Empty));
        Console.WriteLine($"  raw bytes + store entry {bare:F0} B/msg; SMTP envelope {enveloped - bare:F0} B/msg; parsed view {full - enveloped:F0} B/msg");
    }

    private static (double PerMessage, MessageStore Store) Measure(int count, Action<MessageIngestor, byte[], MessageEnvelope> add)
    {
        var store = new MessageStore(new StoreOptions { MaxMessages = int.MaxValue, MaxBytes = long.MaxValue }, TimeProvider.System);
        var ingestor = new MessageIngestor(store, new IngestLimits(), 64L * 1024 * 1024);
        var endPoint = new IPEndPoint(IPAddress.Loopback, 40000);
        var helo = "";
        var before = Live();
        for (var i = 0; i < count; i++)
        {
            if (i % 100 == 0)
            {
                endPoint = new IPEndPoint(IPAddress.Loopback, 40000 + (i / 100));
                helo = string.Concat("bench", ".local");
            }

            var envelope = new MessageEnvelope
            {
                MailFrom = $"{Sender}@{Host}",
                RcptTo = new[] { Recipient }.Select(r => $"{r}@{Host}").ToArray(),
                RemoteEndPoint = endPoint.ToString(),
                Helo = helo,
            };
            add(ingestor, SandboxMessageStore.CopyMessage(SampleMessages.AsDataSequence(SampleMessages.Small(i))), envelope);
        }

        endPoint = null!;
        helo = null!;
        var after = Live();
        GC.KeepAlive(store);
        return ((after - before) / (double)count, store);
    }

    private static long Live()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
