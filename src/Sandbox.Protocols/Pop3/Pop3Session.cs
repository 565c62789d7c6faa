using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;
using Sandbox.Core.Mailboxes;
using Sandbox.Core.Store;
using Sandbox.Protocols.Transport;

namespace Sandbox.Protocols.Pop3;

/// <summary>
/// One POP3 connection (RFC 1939): the read loop, the state machine AUTHORIZATION →
/// TRANSACTION → UPDATE, and the AUTHORIZATION commands (USER/PASS, AUTH, CAPA, STLS). Commands
/// are answered strictly in the order they arrive, so pipelining (RFC 2449) needs nothing else.
/// </summary>
internal sealed class Pop3Session
{
    private readonly Connection _connection;
    private readonly Pop3Options _options;
    private readonly CredentialCheck _credentials;
    private readonly MessageStore _store;
    private readonly X509Certificate2? _certificate;
    private readonly ILogger _logger;
    private readonly Pop3ResponseWriter _writer;
    private Pop3State _state = Pop3State.Authorization;
    private string? _pendingUser;
    private string _user = string.Empty;
    private int _failedLogins;
    private Pop3Transaction? _transaction;

    public Pop3Session(Connection connection, Pop3Options options, CredentialCheck credentials, MessageStore store, X509Certificate2? certificate, ILogger logger)
    {
        _connection = connection;
        _options = options;
        _credentials = credentials;
        _store = store;
        _certificate = certificate;
        _logger = logger;
        _writer = new Pop3ResponseWriter(connection);
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Pop3Log.SessionStarted(_logger, _connection.RemoteEndPoint, _connection.IsSecure);
        try
        {
            // No "<...>" in the greeting: it would announce APOP, which is not implemented.
            if (!await _writer.OkAsync("Sandbox POP3 server ready", cancellationToken))
            {
                return;
            }

            while (await NextAsync(cancellationToken))
            {
            }
        }
        finally
        {
            _transaction?.Maildrop.Dispose();
        }
    }

    /// <summary>Reads and executes one command; false ends the session.</summary>
    private async ValueTask<bool> NextAsync(CancellationToken cancellationToken)
    {
        var line = await _connection.ReadLineAsync(_options.MaxLineLength, _options.IdleTimeout, cancellationToken);
        switch (line.Status)
        {
            case LineStatus.TooLong:
                return await _writer.ErrAsync("line too long", cancellationToken);
            case LineStatus.Timeout:
                Pop3Log.Dropped(_logger, "idle timeout");
                await _writer.ErrAsync("idle timeout, closing connection", cancellationToken);
                return false;
            case LineStatus.Closed:
                Pop3Log.Dropped(_logger, "connection closed");
                return false;
            default:
                return await DispatchAsync(Pop3CommandParser.Parse(line.Line), cancellationToken);
        }
    }

    private async ValueTask<bool> DispatchAsync(Pop3Request request, CancellationToken cancellationToken)
    {
        if (Pop3CommandTable.Find(request.Command) is not { } info)
        {
            return await _writer.ErrAsync("unknown command", cancellationToken);
        }

        if ((info.States & _state) == 0)
        {
            return await _writer.ErrAsync(_state == Pop3State.Authorization ? "not logged in" : "not allowed after login", cancellationToken);
        }

        var transaction = _transaction!;
        return request.Command switch
        {
            Pop3Command.Capa => await CapaAsync(cancellationToken),
            Pop3Command.Noop => await _writer.OkAsync(string.Empty, cancellationToken),
            Pop3Command.Quit => await QuitAsync(cancellationToken),
            Pop3Command.User => await UserAsync(request, cancellationToken),
            Pop3Command.Pass => await PassAsync(request, cancellationToken),
            Pop3Command.Auth => await AuthAsync(request, cancellationToken),
            Pop3Command.Stls => await StlsAsync(cancellationToken),
            Pop3Command.Stat => await transaction.StatAsync(request, cancellationToken),
            Pop3Command.List => await transaction.ListAsync(request, cancellationToken),
            Pop3Command.Uidl => await transaction.UidlAsync(request, cancellationToken),
            Pop3Command.Retr => await transaction.RetrAsync(request, cancellationToken),
            Pop3Command.Top => await transaction.TopAsync(request, cancellationToken),
            Pop3Command.Dele => await transaction.DeleAsync(request, cancellationToken),
            Pop3Command.Rset => await transaction.RsetAsync(request, cancellationToken),
            _ => await _writer.ErrAsync("unknown command", cancellationToken),
        };
    }

    /// <summary>CAPA (RFC 2449 section 5), computed from the command table.</summary>
    private ValueTask<bool> CapaAsync(CancellationToken cancellationToken)
    {
        var offerStls = _certificate is not null && !_connection.IsSecure && _state == Pop3State.Authorization;
        return _writer.MultilineAsync("capability list follows", Pop3CommandTable.Capabilities(offerStls), cancellationToken);
    }

    /// <summary>QUIT (RFC 1939 sections 4 and 6): from TRANSACTION it enters UPDATE and deletes.</summary>
    private async ValueTask<bool> QuitAsync(CancellationToken cancellationToken)
    {
        if (_state != Pop3State.Transaction)
        {
            await _writer.OkAsync("Sandbox POP3 signing off", cancellationToken);
            return false;
        }

        _state = Pop3State.Update;
        var deleted = await _transaction!.QuitAsync(cancellationToken);
        Pop3Log.Updated(_logger, _user, deleted);
        return false;
    }

    /// <summary>STLS (RFC 2595 section 4): plaintext pipelined after it is discarded by the transport.</summary>
    private async ValueTask<bool> StlsAsync(CancellationToken cancellationToken)
    {
        if (_certificate is null || _connection.IsSecure)
        {
            return await _writer.ErrAsync(_certificate is null ? "TLS is not configured" : "already using TLS", cancellationToken);
        }

        if (!await _writer.OkAsync("begin TLS negotiation", cancellationToken))
        {
            return false;
        }

        await _connection.UpgradeToTlsAsync(_certificate, cancellationToken);
        _pendingUser = null;
        return true;
    }

    /// <summary>USER (RFC 1939 section 7).</summary>
    private ValueTask<bool> UserAsync(Pop3Request request, CancellationToken cancellationToken)
    {
        if (request.Count == 0)
        {
            return _writer.ErrAsync("syntax: USER name", cancellationToken);
        }

        _pendingUser = string.Join(' ', request.Arguments);
        return _writer.OkAsync("send PASS", cancellationToken);
    }

    /// <summary>PASS (RFC 1939 section 7): the password is the rest of the line.</summary>
    private async ValueTask<bool> PassAsync(Pop3Request request, CancellationToken cancellationToken)
    {
        if (_pendingUser is not { } user)
        {
            return await _writer.ErrAsync("send USER first", cancellationToken);
        }

        _pendingUser = null;
        return await LoginAsync(user, request.Count == 0 ? string.Empty : request[0], cancellationToken);
    }

    /// <summary>AUTH (RFC 5034): PLAIN and LOGIN, with or without an initial response; "*" cancels.</summary>
    private async ValueTask<bool> AuthAsync(Pop3Request request, CancellationToken cancellationToken)
    {
        if (request.Count == 0)
        {
            // The pre-RFC 5034 "AUTH" probe some clients send to list mechanisms.
            return await _writer.MultilineAsync("SASL mechanisms follow", ["PLAIN", "LOGIN"], cancellationToken);
        }

        var mechanism = request[0].ToUpperInvariant();
        if (mechanism is not ("PLAIN" or "LOGIN") || request.Count > 2)
        {
            return await _writer.ErrAsync("unsupported SASL mechanism (PLAIN and LOGIN are)", cancellationToken);
        }

        var initial = request.Count == 2 ? request[1] : null;
        var exchange = new Pop3SaslExchange(_connection, _writer, _options);
        var outcome = mechanism == "PLAIN"
            ? await exchange.PlainAsync(initial, cancellationToken)
            : await exchange.LoginAsync(initial, cancellationToken);
        return outcome switch
        {
            { Status: Pop3SaslStatus.Credentials } => await LoginAsync(outcome.User, outcome.Password, cancellationToken),
            { Status: Pop3SaslStatus.Cancelled } => await _writer.ErrAsync("authentication cancelled", cancellationToken),
            { Status: Pop3SaslStatus.Malformed } => await FailAsync("(malformed response)", cancellationToken),
            _ => false,
        };
    }

    private async ValueTask<bool> LoginAsync(string user, string password, CancellationToken cancellationToken)
    {
        if (!_credentials.IsValid(user, password))
        {
            return await FailAsync(user, cancellationToken);
        }

        _user = user;
        var maildrop = Pop3Maildrop.Open(_store, new MailboxScope(user));
        _transaction = new Pop3Transaction(maildrop, _store, _writer);
        _state = Pop3State.Transaction;
        var visible = maildrop.Visible().ToList();
        Pop3Log.LoggedIn(_logger, user, visible.Count);
        return await _writer.OkAsync(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"maildrop has {visible.Count} messages ({visible.Sum(v => (long)v.Message.Size)} octets)"),
            cancellationToken);
    }

    /// <summary>A failed login attempt; after the configured number the connection closes (security.md).</summary>
    private async ValueTask<bool> FailAsync(string user, CancellationToken cancellationToken)
    {
        _failedLogins++;
        Pop3Log.LoginFailed(_logger, user, _failedLogins);
        if (_failedLogins >= _options.MaxAuthenticationAttempts)
        {
            await _writer.ErrAsync("[AUTH] authentication failed; too many attempts, closing connection", cancellationToken);
            return false;
        }

        return await _writer.ErrAsync("[AUTH] authentication failed", cancellationToken);
    }
}
