using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>
/// Our ENVELOPE and BODYSTRUCTURE lines for the corpus, byte for byte against the responses
/// recorded once from Dovecot 2.3.19 (the corpus APPENDed in file order, then
/// <c>FETCH 1:* (ENVELOPE BODYSTRUCTURE)</c>).
/// </summary>
public class ImapGoldenTests : IAsyncLifetime
{
    private SandboxHost _host = null!;

    public async ValueTask InitializeAsync() => _host = await SandboxHost.StartAsync();

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Fetch_EnvelopeBodyStructure_EqualsDovecotGolden()
    {
        await using var client = await ImapRawClient.ConnectAsync(_host.ImapPort, "golden");
        await client.CommandAsync("c1 CREATE Golden");
        var n = 0;
        foreach (var (_, bytes) in ImapTestData.Corpus())
        {
            await ImapTestData.AppendAsync(client, $"p{n++}", "Golden", bytes);
        }

        await client.CommandAsync("s1 SELECT Golden");

        var reply = await client.ReadTaggedBytesAfterAsync("f1 FETCH 1:* (ENVELOPE BODYSTRUCTURE)");

        var expected = ImapTestData.Golden("fetch-envelope-bodystructure.txt");
        var actual = reply[..reply.AsSpan().LastIndexOf("f1 OK"u8)];
        var expectedLines = System.Text.Encoding.Latin1.GetString(expected).Split("\r\n* ");
        var actualLines = System.Text.Encoding.Latin1.GetString(actual).Split("\r\n* ");
        Assert.Equal(expectedLines.Length, actualLines.Length);
        for (var i = 0; i < expectedLines.Length; i++)
        {
            Assert.Equal(expectedLines[i], actualLines[i]);
        }
    }
}
