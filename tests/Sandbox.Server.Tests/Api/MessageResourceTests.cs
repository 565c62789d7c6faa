using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Api;

/// <summary>The first-slice REST resources, driven over HTTP against the real host.</summary>
public class MessageResourceTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _host = await SandboxHost.StartAsync(new Dictionary<string, string?> { ["Sandbox:Store:MaxMessages"] = "8" });

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task List_PagesWithBefore_NewestFirst()
    {
        await SendAsync(5, "page");

        var first = await GetJsonAsync("/api/v1/messages?limit=2");
        var next = first.GetProperty("next").GetUInt32();
        var second = await GetJsonAsync($"/api/v1/messages?limit=2&before={next}");

        var firstSeqs = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetUInt32()).ToArray();
        var secondSeqs = second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("seq").GetUInt32()).ToArray();
        Assert.Equal(2, firstSeqs.Length);
        Assert.True(firstSeqs[0] > firstSeqs[1]);
        Assert.Equal(firstSeqs[1], next);
        Assert.True(secondSeqs[0] < firstSeqs[1]);
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(first.GetProperty("cursor").GetUInt32(), firstSeqs[0]);
    }

    [Fact]
    public async Task List_ToFilter_IsExactAddressIncludingEnvelope()
    {
        await SendAsync(1, "exact", to: "a@x.test");
        await SendAsync(1, "substring", to: "ba@x.test");
        await SendAsync(1, "blind", to: "other@x.test", bcc: "a@x.test");

        var list = await GetJsonAsync("/api/v1/messages?to=A@x.test");

        var subjects = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("subject").GetString()).Order().ToArray();
        Assert.Equal(["blind 0", "exact 0"], subjects);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task List_SubjectFromAndTextFilters_Match()
    {
        await SendAsync(1, "Invoice ready", from: "billing@shop.test", text: "Total due: 42 EUR");
        await SendAsync(1, "Newsletter", from: "news@shop.test", text: "Nothing due");

        var bySubject = await GetJsonAsync("/api/v1/messages?subject=invoice");
        var byFrom = await GetJsonAsync("/api/v1/messages?from=news@shop.test");
        var byText = await GetJsonAsync("/api/v1/messages?text=42%20EUR");

        Assert.Equal("Invoice ready 0", bySubject.GetProperty("items")[0].GetProperty("subject").GetString());
        Assert.Equal("Newsletter 0", Assert.Single(byFrom.GetProperty("items").EnumerateArray()).GetProperty("subject").GetString());
        Assert.Equal("Invoice ready 0", Assert.Single(byText.GetProperty("items").EnumerateArray()).GetProperty("subject").GetString());
    }

    [Fact]
    public async Task Get_FullMessage_HasEnvelopeBccHeadersAndAttachments()
    {
        await SendAsync(1, "full", to: "to@x.test", bcc: "hidden@x.test", attachment: true);
        var id = (await GetJsonAsync("/api/v1/messages?subject=full")).GetProperty("items")[0].GetProperty("id").GetString();

        var message = await GetJsonAsync($"/api/v1/messages/{id}");

        Assert.Equal(["to@x.test", "hidden@x.test"], message.GetProperty("envelope").GetProperty("rcptTo").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("hidden@x.test", Assert.Single(message.GetProperty("bcc").EnumerateArray()).GetString());
        Assert.Contains(message.GetProperty("headers").EnumerateArray(), h => h.GetProperty("name").GetString() == "Subject");
        var attachment = Assert.Single(message.GetProperty("attachments").EnumerateArray());
        Assert.Equal(64, attachment.GetProperty("sha256").GetString()!.Length);
        var part = await _host.Http.GetAsync($"/api/v1/messages/{id}/parts/{attachment.GetProperty("partId").GetString()}", Ct);
        Assert.Equal([1, 2, 3], await part.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("attachment", part.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("data.bin", part.Content.Headers.ContentDisposition?.FileNameStar);
    }

    [Fact]
    public async Task RawHtmlText_ServeExactBytesAndSandboxedHtml()
    {
        await SendAsync(1, "bodies", text: "plain body", html: "<p>html body</p>");
        var stored = _host.Store.NewestFirst().First(m => m.View.Subject == "bodies 0");

        var raw = await _host.Http.GetAsync($"/api/v1/messages/{stored.Id}/raw", Ct);
        var html = await _host.Http.GetAsync($"/api/v1/messages/{stored.Id}/html", Ct);
        var text = await _host.Http.GetStringAsync($"/api/v1/messages/{stored.Id}/text", Ct);

        Assert.Equal("message/rfc822", raw.Content.Headers.ContentType?.MediaType);
        Assert.Equal(stored.Raw.ToArray(), await raw.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("sandbox", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("html body", await html.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Contains("plain body", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PatchAndDelete_ChangeTheStore()
    {
        await SendAsync(1, "mutate");
        var stored = _host.Store.NewestFirst().First(m => m.View.Subject == "mutate 0");

        var patch = await _host.Http.PatchAsJsonAsync($"/api/v1/messages/{stored.Id}", new { read = true }, Ct);
        var delete = await _host.Http.DeleteAsync($"/api/v1/messages/{stored.Id}", Ct);
        var again = await _host.Http.DeleteAsync($"/api/v1/messages/{stored.Id}", Ct);

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.True(stored.IsRead);
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Null(_host.Store.Get(stored.Id));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task DeleteAll_ReturnsCount()
    {
        await SendAsync(3, "all");

        var response = await _host.Http.DeleteAsync("/api/v1/messages", Ct);

        Assert.Equal(3, (await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("deleted").GetInt32());
        Assert.Equal(0, _host.Store.Count);
    }

    [Theory]
    [InlineData("/api/v1/messages/0000000000000001")]
    [InlineData("/api/v1/messages/..%2f..%2fetc%2fpasswd")]
    [InlineData("/api/v1/messages/zzzzzzzzzzzzzzzz/raw")]
    public async Task UnknownOrTrickyIds_Get404ProblemDetails(string path)
    {
        var response = await _host.Http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task NulInId_IsRefusedBeforeRouting()
    {
        // Kestrel refuses a percent-encoded NUL in the path with 400 before any endpoint runs.
        var response = await _host.Http.GetAsync("/api/v1/messages/abc%00def", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/v1/messages?limit=abc")]
    [InlineData("/api/v1/messages?limit=-5")]
    [InlineData("/api/v1/messages?before=-1")]
    public async Task BadInput_Gets400ProblemDetails(string path)
    {
        var response = await _host.Http.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_HugeLimit_IsClamped()
    {
        var response = await _host.Http.GetAsync("/api/v1/messages?limit=100000000", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Info_ReportsPortsCountsAndEvictions()
    {
        await SendAsync(10, "evict");

        var info = await GetJsonAsync("/api/v1/info");

        Assert.Equal(_host.SmtpPort, info.GetProperty("ports").GetProperty("smtp").GetInt32());
        Assert.Equal(8, info.GetProperty("messages").GetInt32());
        Assert.Equal(2, info.GetProperty("evictions").GetInt64());
        Assert.Equal(8, info.GetProperty("limits").GetProperty("maxMessages").GetInt32());
        Assert.Equal(["evict 2", "evict 3"], _host.Store.OldestFirst().Take(2).Select(m => m.View.Subject));
    }

    [Fact]
    public async Task Health_ReadyWhenListenersBound()
    {
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/readyz", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/livez", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.Http.GetAsync("/openapi/v1.json", Ct)).StatusCode);
    }

    [Fact]
    public async Task CrossSiteDelete_IsRejected()
    {
        await SendAsync(1, "keep");
        using var request = new HttpRequestMessage(HttpMethod.Delete, "/api/v1/messages");
        request.Headers.Add("Origin", "https://evil.example");

        var response = await _host.Http.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(1, _host.Store.Count);
    }

    [Theory]
    [InlineData("Sandbox:Smtp:Port", "70000", "Sandbox:Smtp:Port")]
    [InlineData("Sandbox:Store:MaxMessages", "0", "Sandbox:Store:MaxMessages")]
    [InlineData("Sandbox:ListenAddress", "not-an-ip", "Sandbox:ListenAddress")]
    [InlineData("Sandbox:Tls:Certificate", "/nonexistent/cert.pem", "Sandbox:Tls:Certificate")]
    public async Task BadConfiguration_StopsStartupWithClearMessage(string key, string value, string expected)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => SandboxHost.StartAsync(new Dictionary<string, string?> { [key] = value }, Ct));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        var response = await _host.Http.GetAsync(path, Ct);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    private async Task SendAsync(int count, string subject, string to = "rcpt@x.test", string? bcc = null, string from = "sender@x.test", string text = "hello", string? html = null, bool attachment = false)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", _host.SmtpPort, MailKit.Security.SecureSocketOptions.None, Ct);
        for (var i = 0; i < count; i++)
        {
            var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(from));
            message.To.Add(MailboxAddress.Parse(to));
            if (bcc is not null)
            {
                message.Bcc.Add(MailboxAddress.Parse(bcc));
            }

            message.Subject = $"{subject} {i}";
            var body = new BodyBuilder { TextBody = text, HtmlBody = html };
            if (attachment)
            {
                body.Attachments.Add("data.bin", new byte[] { 1, 2, 3 });
            }

            message.Body = body.ToMessageBody();
            await client.SendAsync(message, Ct);
        }

        await client.DisconnectAsync(true, Ct);
    }
}
