using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;
using Sandbox.Core.Ingest;
using Sandbox.Core.Mailboxes;
using Sandbox.Core.Store;
using Sandbox.Protocols.Imap.Commands;
using Sandbox.Protocols.Imap.Mailboxes;
using Sandbox.Protocols.Imap.Parsing;
using Sandbox.Protocols.Transport;

namespace Sandbox.Protocols.Imap;

/// <summary>
/// One IMAP connection (RFC 3501): reads commands with their literals, dispatches them through
/// <see cref="ImapCommandTable"/> by state, and sends queued mailbox updates only at safe points.
/// </summary>
internal sealed class ImapSession(
    Connection connection,
    ImapOptions options,
    MessageIngestor ingestor,
    CredentialCheck credentials,
    ImapFolders folders,
    X509Certificate2? certificate,
    ILogger logger)
{
    private const int FlushThreshold = 256 * 1024;

    public ImapResponseWriter Writer { get; } = new();

    public ImapStates State { get; private set; } = ImapStates.NotAuthenticated;

    public MailboxScope? Scope { get; private set; }

    public UserFolders Folders => folders.For(Scope!.User);

    public SelectedMailboxView? Selected { get; private set; }

    public MessageStore Store => ingestor.Store;

    public MessageIngestor Ingestor => ingestor;

    public CredentialCheck Credentials => credentials;

    public ImapOptions Options => options;

    public ILogger Logger => logger;

    public int FailedLogins { get; set; }

    public bool CanStartTls => certificate is not null && !connection.IsSecure;

    public string Capabilities => ImapCommandTable.Capabilities(CanStartTls);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            Writer.Raw("* OK ["u8).Ascii("CAPABILITY " + Capabilities).Raw("] Sandbox IMAP ready\r\n"u8);
            while (State != ImapStates.Logout && await FlushAsync(cancellationToken))
            {
                var command = await ReadCommandAsync(cancellationToken);
                if (command is null)
                {
                    break;
                }

                if (command.Length > 0)
                {
                    await DispatchAsync(command, cancellationToken);
                }
            }

            await FlushAsync(cancellationToken);
        }
        finally
        {
            Selected?.Dispose();
        }
    }

    public async ValueTask<bool> FlushAsync(CancellationToken cancellationToken)
    {
        if (Writer.Length == 0)
        {
            return true;
        }

        var ok = await connection.WriteAsync(Writer.Written, cancellationToken);
        Writer.Reset();
        return ok;
    }

    /// <summary>Flushes only when a large response has built up (FETCH 1:* over many messages).</summary>
    public ValueTask<bool> MaybeFlushAsync(CancellationToken cancellationToken) =>
        Writer.Length >= FlushThreshold ? FlushAsync(cancellationToken) : ValueTask.FromResult(true);

    /// <summary>Reads one continuation line (SASL responses, IDLE's DONE); null when the client left or timed out.</summary>
    public async ValueTask<string?> ReadContinuationAsync(CancellationToken cancellationToken)
    {
        var line = await connection.ReadLineAsync(options.MaxLineLength, options.IdleTimeout, cancellationToken);
        return line.Status switch
        {
            LineStatus.Line => Encoding.UTF8.GetString(line.Line),
            LineStatus.TooLong => "",
            _ => null,
        };
    }

    /// <summary>Starts a line read that IDLE can race against store changes.</summary>
    public Task<LineResult> StartReadLineAsync(CancellationToken cancellationToken) =>
        connection.ReadLineAsync(options.MaxLineLength, options.IdleTimeout, cancellationToken).AsTask();

    public void LogIn(string user)
    {
        Scope = new MailboxScope(user);
        State = ImapStates.Authenticated;
        ImapLog.LoggedIn(logger, user);
    }

    public void Select(SelectedMailboxView? view)
    {
        Selected?.Dispose();
        Selected = view;
        State = view is null ? ImapStates.Authenticated : ImapStates.Selected;
    }

    public void Logout()
    {
        Select(null);
        State = ImapStates.Logout;
    }

    public Task StartTlsAsync(CancellationToken cancellationToken) => connection.UpgradeToTlsAsync(certificate!, cancellationToken);

    private async Task DispatchAsync(byte[] command, CancellationToken cancellationToken)
    {
        var reader = new ImapReader(command);
        string tag;
        try
        {
            tag = reader.Atom();
            if (tag.Any(c => c is '*' or '+' or '%' or '\\' or ']' or < ' ' or > '~'))
            {
                throw new ImapSyntaxException("Invalid tag.");
            }
        }
        catch (ImapSyntaxException)
        {
            Writer.Untagged("BAD Invalid tag");
            return;
        }

        var result = await ExecuteAsync(tag, reader, cancellationToken);
        if (result.Status == ImapStatus.None)
        {
            return;
        }

        Writer.Tagged(tag, result);
    }

    private async Task<ImapResult> ExecuteAsync(string tag, ImapReader reader, CancellationToken cancellationToken)
    {
        try
        {
            reader.Space();
            var name = reader.Atom().ToUpperInvariant();
            var uid = name == "UID";
            if (uid)
            {
                reader.Space();
                name = "UID " + reader.Atom().ToUpperInvariant();
            }

            var entry = ImapCommandTable.Find(name);
            if (entry is null || (name == "STARTTLS" && certificate is null))
            {
                return ImapResult.Bad("Unknown command");
            }

            if ((entry.States & State) == 0)
            {
                return State == ImapStates.NotAuthenticated ? ImapResult.No("Log in first") : ImapResult.Bad($"{name} is not allowed in this state");
            }

            var result = await entry.Handler.ExecuteAsync(this, new ImapRequest(tag, name, reader, uid), cancellationToken);
            if (entry.SafePoint && Selected is { } view && !view.WriteUpdates(Writer))
            {
                Writer.Untagged("BYE The mailbox changed too fast to follow; please reconnect");
                Logout();
            }

            return result;
        }
        catch (ImapSyntaxException ex)
        {
            return ImapResult.Bad(ex.Message);
        }
    }

    /// <summary>Reads a command with its literals (RFC 3501 4.3, RFC 7888); an empty array means "already answered".</summary>
    private async Task<byte[]?> ReadCommandAsync(CancellationToken cancellationToken)
    {
        using var command = new MemoryStream();
        var budget = options.MaxLineLength;
        while (true)
        {
            var line = await connection.ReadLineAsync(budget, options.IdleTimeout, cancellationToken);
            switch (line.Status)
            {
                case LineStatus.TooLong:
                    Writer.Untagged("BAD Command line too long");
                    return [];
                case LineStatus.Timeout:
                    Writer.Untagged("BYE Idle timeout, closing the connection");
                    await FlushAsync(cancellationToken);
                    return null;
                case LineStatus.Closed:
                    return null;
                default:
                    break;
            }

            command.Write(line.Line);
            budget = Math.Max(1, budget - line.Line.Length);
            var (kind, size) = LiteralFraming.Parse(line.Line);
            if (kind == LiteralKind.None)
            {
                return command.ToArray();
            }

            if (kind == LiteralKind.Invalid || size > ingestor.MaxMessageSize)
            {
                var text = kind == LiteralKind.Invalid ? "Invalid literal" : "Literal too large";
                Writer.Tagged(TagOf(command.ToArray()), ImapResult.Bad(text));
                if (kind == LiteralKind.NonSynchronizing)
                {
                    // The client is already sending the octets: the stream cannot be resynchronised.
                    Writer.Untagged("BYE Literal too large");
                    await FlushAsync(cancellationToken);
                    return null;
                }

                return [];
            }

            if (kind == LiteralKind.Synchronizing)
            {
                Writer.Continuation("Ready for literal data");
                await FlushAsync(cancellationToken);
            }

            var octets = await connection.ReadBytesAsync((int)size, options.IdleTimeout, cancellationToken);
            if (octets is null)
            {
                return null;
            }

            command.Write("\r\n"u8);
            command.Write(octets);
        }
    }

    private static string TagOf(byte[] command)
    {
        var space = Array.IndexOf(command, (byte)' ');
        var tag = Encoding.ASCII.GetString(command, 0, space < 0 ? command.Length : space);
        return tag.Length == 0 || tag.Any(c => c is < '!' or > '~' or '*' or '+') ? "*" : tag;
    }
}
