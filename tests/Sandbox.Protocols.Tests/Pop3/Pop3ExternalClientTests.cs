using System.Security.Cryptography;
using System.Text;
using Sandbox.Core.Messages;

namespace Sandbox.Protocols.Tests.Pop3;

/// <summary>
/// Independent POP3 clients download every message of a mailbox; each file's SHA-256 must equal
/// the store's raw bytes. mpop and getmail6 always store LF line ends (and getmail6 always adds
/// a Return-Path), so for them the expected bytes are the raw bytes with CRLF turned into LF.
/// </summary>
public sealed class Pop3ExternalClientTests(Pop3HostFixture fixture) : IClassFixture<Pop3HostFixture>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pop3-clients-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private int Port => fixture.Host.Pop3Port;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task PythonPoplib_RetrEveryMessage_IdenticalBytes()
    {
        var (to, messages) = SeedMailbox();
        const string script = """
            import hashlib, poplib, sys
            c = poplib.POP3('127.0.0.1', int(sys.argv[1]), timeout=20)
            c.user(sys.argv[2]); c.pass_('pw')
            for i in range(1, c.stat()[0] + 1):
                print(hashlib.sha256(b'\r\n'.join(c.retr(i)[1]) + b'\r\n').hexdigest())
            c.quit()
            """;

        var result = await ExternalProcess.RunAsync("python3", ["-c", script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), to], _dir, cancellationToken: Ct);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(Hashes(messages, lf: false), result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task Curl_RetrEveryMessage_IdenticalBytes()
    {
        var (to, messages) = SeedMailbox();

        for (var i = 1; i <= messages.Count; i++)
        {
            var result = await ExternalProcess.RunAsync("curl", ["-sS", "--max-time", "20", "-u", $"{to}:pw", "-o", Path.Combine(_dir, $"m{i}"), $"pop3://127.0.0.1:{Port}/{i}"], _dir, cancellationToken: Ct);
            Assert.True(result.ExitCode == 0, result.Stderr);
        }

        Assert.Equal(Hashes(messages, lf: false), FileHashes(_dir));
    }

    [Fact]
    public async Task Fetchmail_FetchAllToMda_IdenticalBytes()
    {
        var (to, messages) = SeedMailbox();
        var output = Directory.CreateDirectory(Path.Combine(_dir, "out")).FullName;
        var rc = Path.Combine(_dir, "fetchmailrc");
        await File.WriteAllTextAsync(rc, $"poll 127.0.0.1 port {Port} proto pop3 uidl auth password user \"{to}\" password \"pw\" keep fetchall no rewrite nomimedecode no stripcr mda \"/bin/sh -c 'cat > $(mktemp -p {output})'\"\n", Ct);
        if (!OperatingSystem.IsWindows())
        {
            // fetchmail refuses a run control file that others can read.
            File.SetUnixFileMode(rc, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var result = await ExternalProcess.RunAsync(
            "fetchmail",
            // --sslproto "": fetchmail 6.4 otherwise insists on TLS; --invisible: no Received header.
            ["-f", rc, "--sslproto", "", "--invisible", "--nosyslog", "-i", Path.Combine(_dir, "ids"), "--pidfile", Path.Combine(_dir, "pid"), "-v"],
            _dir,
            new Dictionary<string, string> { ["HOME"] = _dir },
            Ct);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(Hashes(messages, lf: false), FileHashes(output));
    }

    [Fact]
    public async Task Mpop_PipelinedRetrToMaildir_IdenticalBytesWithLfLineEnds()
    {
        var (to, messages) = SeedMailbox();
        var maildir = Path.Combine(_dir, "Maildir");
        foreach (var sub in new[] { "new", "cur", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        var result = await ExternalProcess.RunAsync(
            "mpop",
            ["--host=127.0.0.1", $"--port={Port}", "--tls=off", "--auth=user", $"--user={to}", "--passwordeval=echo pw", "--keep=on", "--only-new=off", "--received-header=off", "--pipelining=on", $"--uidls-file={Path.Combine(_dir, "uidls")}", $"--delivery=maildir,{maildir}"],
            _dir,
            new Dictionary<string, string> { ["HOME"] = _dir },
            Ct);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        Assert.Equal(Hashes(messages, lf: true), FileHashes(Path.Combine(maildir, "new")));
    }

    [Fact]
    public async Task Getmail6_ReadAllToMda_IdenticalBytesWithLfLineEndsAfterReturnPath()
    {
        var (to, messages) = SeedMailbox();
        var maildir = Path.Combine(_dir, "Maildir");
        foreach (var sub in new[] { "new", "cur", "tmp" })
        {
            Directory.CreateDirectory(Path.Combine(maildir, sub));
        }

        await File.WriteAllTextAsync(Path.Combine(_dir, "getmailrc"), $"""
            [retriever]
            type = SimplePOP3Retriever
            server = 127.0.0.1
            port = {Port}
            username = {to}
            password = pw

            [destination]
            type = MDA_external
            path = /bin/sh
            arguments = ("-c", "cat > $(mktemp -p {maildir}/new)")
            allow_root_commands = true

            [options]
            read_all = true
            delete = false
            delivered_to = false
            received = false
            message_log_syslog = false
            """, Ct);

        var result = await ExternalProcess.RunAsync("getmail", ["--getmaildir", _dir, "--rcfile", "getmailrc", "--verbose"], _dir, new Dictionary<string, string> { ["HOME"] = _dir }, Ct);

        Assert.True(result.ExitCode == 0, result.Stdout + result.Stderr);
        var files = Directory.GetFiles(Path.Combine(maildir, "new"));
        var hashes = files.Select(f =>
        {
            var bytes = File.ReadAllBytes(f);
            Assert.StartsWith("Return-Path: ", Encoding.ASCII.GetString(bytes, 0, 13), StringComparison.Ordinal);
            return Sha256(bytes[(Array.IndexOf(bytes, (byte)'\n') + 1)..]);
        }).Order();
        Assert.Equal(Hashes(messages, lf: true), hashes);
    }

    /// <summary>Three messages: a first line starting with ".", dot lines in the body, and a large one (chunked writes).</summary>
    private (string To, List<StoredMessage> Messages) SeedMailbox()
    {
        var to = fixture.Host.NewAddress("client");
        var large = string.Join("\r\n", Enumerable.Range(0, 4000).Select(i => i % 7 == 0 ? $".line {i} with a leading dot" : $"line {i} of a large message body"));
        List<StoredMessage> messages =
        [
            fixture.Seed(to, $".X-Dot: first line starts with a dot\r\nFrom: a@sandbox.test\r\nTo: {to}\r\nSubject: dot first\r\n\r\nbody\r\n"),
            fixture.SeedText(to, "dots", ".", "..", ".leading", "middle . dot", "."),
            fixture.SeedText(to, "large", large),
        ];
        return (to, messages);
    }

    private static IEnumerable<string> Hashes(IEnumerable<StoredMessage> messages, bool lf) =>
        messages.Select(m => Sha256(lf ? Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(m.Raw.Span).Replace("\r\n", "\n", StringComparison.Ordinal)) : m.Raw.ToArray())).Order();

    private static IEnumerable<string> FileHashes(string directory) =>
        Directory.GetFiles(directory).Select(f => Sha256(File.ReadAllBytes(f))).Order();

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
