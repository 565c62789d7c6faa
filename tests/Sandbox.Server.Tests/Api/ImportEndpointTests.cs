using System.Net;
using System.Text;
using Sandbox.Server.Api;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Api;

public class ImportEndpointTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxHost _host = fixture.Host;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Import_RawEml_Returns201WithEnvelopeFromHeadersAndAddedEvent()
    {
        var to = _host.NewAddress("imp");
        var bcc = _host.NewAddress("impbcc");
        var raw = $"From: Shop <shop@sender.test>\nTo: {to}\nBcc: {bcc}\nSubject: Imported\n\nHello from a file\n";
        using var subscription = _host.Store.Subscribe();
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(raw));
        content.Headers.ContentType = new("message/rfc822");

        using var response = await _host.Http.PostAsync("api/v1/messages", content, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var imported = await ApiJson.ReadAsync<ImportedDto>(response);
        Assert.Equal($"/api/v1/messages/{imported.Id}", response.Headers.Location?.OriginalString);
        var message = await _host.Client.GetAsync(imported.Id, Ct);
        Assert.Equal("import", message.Envelope.Source);
        Assert.Equal("shop@sender.test", message.Envelope.MailFrom);
        Assert.Equal([to, bcc], message.Envelope.RcptTo);
        Assert.Equal("Hello from a file", message.Text?.TrimEnd());
        Assert.Single((await _host.Client.ListAsync(MessageQuery.ForRecipient(bcc), cancellationToken: Ct)).Items);
        Assert.True(subscription.Reader.TryRead(out var change));
        Assert.Equal(imported.Seq, Assert.IsType<Sandbox.Core.Store.MessageAdded>(change).Message.Seq);
    }

    [Fact]
    public async Task Import_HeaderFieldOverLimit_Returns422AndStoresNothing()
    {
        var before = _host.Store.HeadSeq;
        var raw = $"Subject: {new string('x', 70 * 1024)}\r\n\r\nbody\r\n";
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(raw));

        using var response = await _host.Http.PostAsync("api/v1/messages", content, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("header field", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(before, _host.Store.HeadSeq);
    }

    [Fact]
    public async Task Import_EmptyBody_Returns400()
    {
        using var content = new ByteArrayContent([]);

        using var response = await _host.Http.PostAsync("api/v1/messages", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
