using System.Text;
using MailKit;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>Routes MailKit's protocol log to the xUnit test output so a failure shows the dialogue.</summary>
public sealed class TestOutputProtocolLogger(ITestOutputHelper output) : IProtocolLogger
{
    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    public void LogConnect(Uri uri) => output.WriteLine($"connect {uri}");

    public void LogClient(byte[] buffer, int offset, int count) => Write("C: ", buffer, offset, count);

    public void LogServer(byte[] buffer, int offset, int count) => Write("S: ", buffer, offset, count);

    public void Dispose()
    {
    }

    private void Write(string prefix, byte[] buffer, int offset, int count)
    {
        var text = Encoding.Latin1.GetString(buffer, offset, Math.Min(count, 2048));
        foreach (var line in text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            output.WriteLine(prefix + line);
        }
    }
}
