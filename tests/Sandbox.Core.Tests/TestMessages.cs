using System.Text;
using Microsoft.Extensions.Time.Testing;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Mime;
using Sandbox.Core.Store;

namespace Sandbox.Core.Tests;

/// <summary>Builds stores and messages from raw text for unit tests.</summary>
internal static class TestMessages
{
    public static MessageStore NewStore(int maxMessages = 1_000) =>
        new(new StoreOptions { MaxMessages = maxMessages }, new FakeTimeProvider(DateTimeOffset.Parse("2026-01-02T03:04:05Z", System.Globalization.CultureInfo.InvariantCulture)));

    public static StoredMessage Add(MessageStore store, string headersAndBody, string mailFrom = "app@x.test", params string[] rcptTo)
    {
        var raw = Encoding.UTF8.GetBytes(headersAndBody.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        var envelope = new MessageEnvelope { MailFrom = mailFrom, RcptTo = rcptTo };
        return store.Add(raw, envelope, MessageViewBuilder.Build(raw, new IngestLimits()))!;
    }

    public static MessageView View(string headersAndBody)
    {
        var raw = Encoding.UTF8.GetBytes(headersAndBody.Replace("\r\n", "\n", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));
        return MessageViewBuilder.Build(raw, new IngestLimits());
    }
}
