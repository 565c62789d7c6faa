using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>One real Sandbox per test class; each test seeds mail for its own address.</summary>
public class Pop3HostFixture : IAsyncLifetime
{
    public SandboxHost Host { get; private set; } = null!;

    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public async ValueTask InitializeAsync() => Host = await SandboxHost.StartAsync(Settings);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stores a message for <paramref name="to"/> as if it came over SMTP.</summary>
    public StoredMessage Seed(string to, string raw)
    {
        var ingestor = Host.Services.GetRequiredService<MessageIngestor>();
        var result = ingestor.Ingest(Encoding.UTF8.GetBytes(raw), new MessageEnvelope { MailFrom = "sender@sandbox.test", RcptTo = [to] });
        return result.Message ?? throw new InvalidOperationException(result.Describe());
    }

    /// <summary>A small message with CRLF line ends; <paramref name="body"/> lines are joined with CRLF.</summary>
    public StoredMessage SeedText(string to, string subject, params string[] body) =>
        Seed(to, $"From: sender@sandbox.test\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@sandbox.test>\r\n\r\n{string.Join("\r\n", body)}\r\n");
}
