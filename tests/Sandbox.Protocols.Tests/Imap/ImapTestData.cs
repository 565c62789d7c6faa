using System.Text;
using MailKit;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>The corpus of .eml files and small helpers shared by the IMAP tests.</summary>
internal static class ImapTestData
{
    /// <summary>The source folder of these tests (the corpus and golden files are read from the checkout).</summary>
    public static string Directory => Here();

    public static IReadOnlyList<(string Name, byte[] Bytes)> Corpus() =>
        [.. System.IO.Directory.GetFiles(Path.Combine(Directory, "Corpus"), "*.eml").Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), File.ReadAllBytes(f)))];

    public static byte[] Golden(string name) => File.ReadAllBytes(Path.Combine(Directory, "Golden", name));

    /// <summary>A synchronising-literal APPEND of <paramref name="message"/> to <paramref name="folder"/>.</summary>
    public static async Task AppendAsync(ImapRawClient client, string tag, string folder, byte[] message)
    {
        await client.SendAsync($"{tag} APPEND {folder} {{{message.Length}+}}\r\n");
        await client.SendAsync([.. message, (byte)'\r', (byte)'\n']);
        var reply = await client.ReadTaggedAsync(tag);
        Assert.Contains($"{tag} OK", reply, StringComparison.Ordinal);
    }

    private static string Here([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    public static IProtocolLogger Logger() => new ProtocolLogger(new TestOutputStream(), leaveOpen: false);

    /// <summary>Routes MailKit's protocol log to the test output.</summary>
    private sealed class TestOutputStream : Stream
    {
        private readonly StringBuilder _line = new();

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => 0;

        public override long Position { get; set; }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            foreach (var c in Encoding.UTF8.GetString(buffer, offset, count))
            {
                if (c == '\n')
                {
                    var text = _line.ToString().TrimEnd('\r');
                    _line.Clear();
                    TestContext.Current.TestOutputHelper?.WriteLine(text.Length > 300 ? text[..300] + "…" : text);
                }
                else
                {
                    _line.Append(c);
                }
            }
        }
    }
}
