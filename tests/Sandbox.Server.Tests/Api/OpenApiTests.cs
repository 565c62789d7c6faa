using Sandbox.Testing;

namespace Sandbox.Server.Tests.Api;

public class OpenApiTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private readonly SandboxHost _host = fixture.Host;

    [Fact]
    public async Task OpenApiDocument_ListsTheAssertionEndpoints()
    {
        var document = await _host.Http.GetStringAsync("openapi/v1.json", TestContext.Current.CancellationToken);

        foreach (var path in new[] { "/api/v1/cursor", "/api/v1/messages/wait", "/api/v1/messages/latest", "/api/v1/messages/{id}/links", "/api/v1/messages/{id}/codes", "/api/v1/events" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }

        Assert.Contains("\"subjectRegex\"", document, StringComparison.Ordinal);
    }
}
