using System.Net;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Ui;

/// <summary>The hub refuses foreign origins (cross-site WebSocket hijacking).</summary>
public class InboxHubTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("GET", "/hubs/inbox?id=abc")]
    [InlineData("POST", "/hubs/inbox/negotiate?negotiateVersion=1")]
    public async Task Hub_ForeignOrigin_Returns403(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative));
        request.Headers.Add("Origin", "http://evil.test");

        using var response = await _host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Negotiate_SameOrigin_Succeeds()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/hubs/inbox/negotiate?negotiateVersion=1", UriKind.Relative));
        request.Headers.Add("Origin", _host.HttpAddress.GetLeftPart(UriPartial.Authority));

        using var response = await _host.Http.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task ReadAll_MarksEveryMessageRead()
    {
        await MailSender.SendAsync(_host.SmtpPort, _host.NewAddress(), "one", cancellationToken: TestContext.Current.CancellationToken);
        await MailSender.SendAsync(_host.SmtpPort, _host.NewAddress(), "two", cancellationToken: TestContext.Current.CancellationToken);

        using var response = await _host.Http.PostAsync(new Uri("/api/v1/messages/read-all", UriKind.Relative), null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"updated\":2", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.All(_host.Store.NewestFirst(), m => Assert.True(m.IsRead));
    }
}
