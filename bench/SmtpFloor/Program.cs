using System.Buffers;
using System.Net;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

// Usage: SmtpFloor PORT. Listens on 127.0.0.1:PORT until killed.
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 2525;
var options = new SmtpServerOptionsBuilder()
    .ServerName("floor")
    .MaxMessageSize(52_428_800, MaxMessageSizeHandling.Ignore)
    .CommandWaitTimeout(TimeSpan.FromMinutes(5))
    .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, port))
        .AllowUnsecureAuthentication(true)
        .AuthenticationRequired(false)
        .SessionTimeout(TimeSpan.FromHours(24)))
    .Build();

var services = new SmtpServer.ComponentModel.ServiceProvider();
services.Add(new DiscardingStore());
var server = new SmtpServerHost(options, services);
Console.WriteLine($"SmtpFloor listening on 127.0.0.1:{port}");
await server.StartAsync(CancellationToken.None);

/// <summary>Accepts every message and keeps nothing (what postfix's smtp-sink does).</summary>
internal sealed class DiscardingStore : MessageStore
{
    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken) =>
        Task.FromResult(SmtpResponse.Ok);
}
