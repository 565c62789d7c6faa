using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Store;
using Sandbox.Protocols.Smtp;

namespace Sandbox.Benchmarks;

/// <summary>
/// Live managed bytes per stored message after a full GC (not a timing): what the store keeps
/// for each ~2 KB message (raw bytes, envelope, parsed view). Run with <c>-- footprint [N]</c>.
/// </summary>
internal static class StoreFootprint
{
    public static void Run(int count)
    {
        var store = new MessageStore(new StoreOptions { MaxMessages = int.MaxValue, MaxBytes = long.MaxValue }, TimeProvider.System);
        var ingestor = new MessageIngestor(store, new IngestLimits(), 64L * 1024 * 1024);
        var envelope = new MessageEnvelope { MailFrom = "sender@bench.local", RcptTo = ["rcpt@bench.local"], Helo = "bench.local" };
        var before = Live();
        for (var i = 0; i < count; i++)
        {
            var data = SampleMessages.AsDataSequence(SampleMessages.Small(i));
            ingestor.Ingest(SandboxMessageStore.CopyMessage(data), envelope);
        }

        var after = Live();
        var raw = store.Bytes / (double)count;
        Console.WriteLine($"stored {store.Count} messages; raw {raw:F0} B/msg; live managed heap {(after - before) / (double)count:F0} B/msg ({(after - before) / 1048576.0:F1} MiB)");
        GC.KeepAlive(store);
    }

    private static long Live()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
