using System.Text;

namespace Sandbox.Protocols.Imap.Commands;

/// <summary>
/// AUTHENTICATE (RFC 3501 6.2.2) with PLAIN (RFC 4616; initial response per RFC 4959 SASL-IR
/// or after a continuation) and LOGIN (two continuations). <c>*</c> cancels.
/// </summary>
internal sealed class AuthenticateCommand : IImapCommand
{
    public async ValueTask<ImapResult> ExecuteAsync(ImapSession session, ImapRequest request, CancellationToken cancellationToken)
    {
        var args = request.Args;
        args.Space();
        var mechanism = args.Atom().ToUpperInvariant();
        string? initial = null;
        if (args.TryChar((byte)' '))
        {
            initial = args.Atom();
        }

        args.End();
        switch (mechanism)
        {
            case "PLAIN":
                var response = initial ?? await ChallengeAsync(session, "", cancellationToken);
                if (response is null)
                {
                    return ImapResult.Bad("Authentication cancelled");
                }

                var parts = Decode(response)?.Split('\0');
                return parts is { Length: 3 } ? Authenticator.Complete(session, parts[1], parts[2]) : ImapResult.Bad("Invalid PLAIN response");
            case "LOGIN":
                var user = Decode(initial ?? await ChallengeAsync(session, "VXNlcm5hbWU6", cancellationToken));
                var password = user is null ? null : Decode(await ChallengeAsync(session, "UGFzc3dvcmQ6", cancellationToken));
                return password is null ? ImapResult.Bad("Authentication cancelled or invalid") : Authenticator.Complete(session, user, password);
            default:
                return ImapResult.No("Unsupported authentication mechanism");
        }
    }

    private static async Task<string?> ChallengeAsync(ImapSession session, string challenge, CancellationToken cancellationToken)
    {
        session.Writer.Raw("+ "u8).Ascii(challenge).EndLine();
        await session.FlushAsync(cancellationToken);
        var line = await session.ReadContinuationAsync(cancellationToken);
        return line is null or "*" ? null : line;
    }

    private static string? Decode(string? base64)
    {
        if (base64 is null)
        {
            return null;
        }

        if (base64 == "=")
        {
            return "";
        }

        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
