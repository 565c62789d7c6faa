using System.Net;
using System.Text;
using Sandbox.Testing;

namespace Sandbox.Server.Tests.Api;

public class ImportLimitTests(SmallStoreFixture fixture) : IClassFixture<SmallStoreFixture>
{
    private readonly SandboxHost _host = fixture.Host;

    [Fact]
    public async Task Import_OverMaxMessageSize_Returns413AndStoresNothing()
    {
        var before = _host.Store.HeadSeq;
        var raw = $"Subject: big\r\n\r\n{new string('x', 5000)}\r\n";
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(raw));

        using var response = await _host.Http.PostAsync("api/v1/messages", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, _host.Store.HeadSeq);
    }
}
