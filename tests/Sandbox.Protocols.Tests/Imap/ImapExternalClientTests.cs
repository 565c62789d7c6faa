using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Sandbox.Testing;

namespace Sandbox.Protocols.Tests.Imap;

/// <summary>
/// Independent IMAP clients, run as subprocesses with temporary configs and a timeout, each
/// downloading every message; the SHA-256 of what they got must equal the stored bytes.
/// </summary>
public class ImapExternalClientTests : IAsyncLifetime
{
    private SandboxHost _host = null!;
    private string _user = "";
    private string _temp = "";
    private HashSet<string> _expected = [];

    public async ValueTask InitializeAsync()
    {
        _host = await SandboxHost.StartAsync();
        _user = _host.NewAddress();
        var ingestor = (Sandbox.Core.Ingest.MessageIngestor)_host.Services.GetService(typeof(Sandbox.Core.Ingest.MessageIngestor))!;
        foreach (var (_, bytes) in ImapTestData.Corpus())
        {
            var envelope = Sandbox.Core.Messages.MessageEnvelope.ForImport(Sandbox.Core.Messages.MessageSource.Import, "a@example.test", [_user]);
            Assert.True(ingestor.Ingest(bytes, envelope).Accepted);
        }

        _expected = [.. _host.Store.OldestFirst().Select(m => Hash(m.Raw.Span))];
        _temp = Directory.CreateTempSubdirectory("imap-clients-").FullName;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_temp, recursive: true);
    }

    [Fact]
    public async Task PythonImaplib_DownloadsEveryMessageByteExact()
    {
        var script = Path.Combine(_temp, "fetch.py");
        await File.WriteAllTextAsync(script, """
            import imaplib, hashlib, sys
            i = imaplib.IMAP4('127.0.0.1', int(sys.argv[1]))
            i.login(sys.argv[2], 'pw')
            i.select('INBOX')
            typ, data = i.search(None, 'ALL')
            for n in data[0].split():
                typ, msg = i.fetch(n, '(RFC822)')
                print(hashlib.sha256(msg[0][1]).hexdigest())
            i.close()
            i.logout()
            """, TestContext.Current.CancellationToken);

        var output = await RunAsync("python3", [script, _host.ImapPort.ToString(System.Globalization.CultureInfo.InvariantCulture), _user]);

        Assert.Equal(_expected, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToHashSet());
    }

    [Fact]
    public async Task Curl_DownloadsEveryMessageByteExact()
    {
        var hashes = new HashSet<string>();
        foreach (var message in _host.Store.OldestFirst())
        {
            var file = Path.Combine(_temp, $"curl-{message.Seq}.eml");
            await RunAsync("curl", ["-s", "--max-time", "20", "--user", $"{_user}:pw", "-o", file, $"imap://127.0.0.1:{_host.ImapPort}/INBOX;UID={message.Seq}"]);
            hashes.Add(Hash(await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken)));
        }

        Assert.Equal(_expected, hashes);
    }

    [Fact]
    public async Task Fetchmail_DownloadsEveryMessageByteExact()
    {
        var output = Directory.CreateDirectory(Path.Combine(_temp, "fetchmail")).FullName;
        var rc = Path.Combine(_temp, "fetchmailrc");
        await File.WriteAllTextAsync(rc, $"""
            set no syslog
            set invisible
            poll 127.0.0.1 service {_host.ImapPort} protocol IMAP auth password
              user "{_user}" password "pw" is root here
              keep fetchall no rewrite no stripcr sslproto ''
              mda "/bin/sh -c 'cat > {output}/msg.$$'"
            """, TestContext.Current.CancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(rc, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await RunAsync("fetchmail", ["-f", rc, "--nosyslog", "-v"], env: ("FETCHMAILHOME", _temp), allowExitCodes: [0, 1]);

        Assert.Equal(_expected, Directory.GetFiles(output).Select(f => Hash(File.ReadAllBytes(f))).ToHashSet());
    }

    [Fact]
    public async Task Mbsync_SyncsEveryMessage()
    {
        var maildir = Directory.CreateDirectory(Path.Combine(_temp, "mbsync", "inbox")).FullName;
        var rc = Path.Combine(_temp, "mbsyncrc");
        await File.WriteAllTextAsync(rc, $"""
            IMAPAccount sandbox
            Host 127.0.0.1
            Port {_host.ImapPort}
            User {_user}
            Pass pw
            SSLType None
            AuthMechs LOGIN

            IMAPStore remote
            Account sandbox

            MaildirStore local
            Path {Path.Combine(_temp, "mbsync")}/
            Inbox {maildir}

            Channel sync
            Far :remote:
            Near :local:
            Patterns INBOX
            Sync Pull
            Create Near
            SyncState *
            """, TestContext.Current.CancellationToken);

        await RunAsync("mbsync", ["-c", rc, "-a"]);

        // A Maildir keeps LF line ends (mbsync converts CRLF) and mbsync adds its own X-TUID
        // header line while syncing: undo both, then compare the bytes.
        var got = Directory.GetFiles(Path.Combine(maildir, "cur")).Concat(Directory.GetFiles(Path.Combine(maildir, "new")))
            .Select(f => Hash(Normalize(WithoutTuid(File.ReadAllBytes(f))))).ToHashSet();
        Assert.Equal(_host.Store.OldestFirst().Select(m => Hash(Normalize(m.Raw.ToArray()))).ToHashSet(), got);
    }

    private static byte[] WithoutTuid(byte[] bytes) =>
        Encoding.Latin1.GetBytes(System.Text.RegularExpressions.Regex.Replace(Encoding.Latin1.GetString(bytes), "^X-TUID: [^\n]*\n", "", System.Text.RegularExpressions.RegexOptions.Multiline));

    private static byte[] Normalize(byte[] bytes) => Encoding.Latin1.GetBytes(Encoding.Latin1.GetString(bytes).Replace("\r\n", "\n", StringComparison.Ordinal));

    private static string Hash(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private static async Task<string> RunAsync(string file, string[] args, (string Key, string Value)? env = null, int[]? allowExitCodes = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        if (env is { } e)
        {
            start.Environment[e.Key] = e.Value;
        }

        using var process = Process.Start(start)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        TestContext.Current.TestOutputHelper?.WriteLine(await stderr);
        Assert.True((allowExitCodes ?? [0]).Contains(process.ExitCode), $"{file} exited with {process.ExitCode}: {await stderr}");
        return await stdout;
    }
}
