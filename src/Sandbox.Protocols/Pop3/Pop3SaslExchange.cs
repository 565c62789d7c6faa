using Sandbox.Protocols.Transport;

namespace Sandbox.Protocols.Pop3;

/// <summary>
/// The challenge/response part of AUTH (RFC 5034 section 4) for PLAIN (RFC 4616) and LOGIN:
/// an initial response on the AUTH line is used at once ("=" meaning empty), otherwise the
/// server sends "+ " challenges and reads one line per response; "*" cancels.
/// </summary>
internal sealed class Pop3SaslExchange(Connection connection, Pop3ResponseWriter writer, Pop3Options options)
{
    public async ValueTask<Pop3SaslOutcome> PlainAsync(string? initial, CancellationToken cancellationToken)
    {
        var response = initial ?? await ChallengeAsync(string.Empty, cancellationToken);
        if (response is null)
        {
            return Pop3SaslOutcome.Disconnected;
        }

        if (Pop3Sasl.IsCancel(response))
        {
            return Pop3SaslOutcome.Cancelled;
        }

        return Pop3Sasl.Decode(response) is { } decoded && Pop3Sasl.TryParsePlain(decoded, out var user, out var password)
            ? new Pop3SaslOutcome(Pop3SaslStatus.Credentials, user, password)
            : Pop3SaslOutcome.Malformed;
    }

    public async ValueTask<Pop3SaslOutcome> LoginAsync(string? initial, CancellationToken cancellationToken)
    {
        var userResponse = initial ?? await ChallengeAsync(Pop3Sasl.UsernameChallenge, cancellationToken);
        if (userResponse is null)
        {
            return Pop3SaslOutcome.Disconnected;
        }

        if (Pop3Sasl.IsCancel(userResponse))
        {
            return Pop3SaslOutcome.Cancelled;
        }

        if (Pop3Sasl.Decode(userResponse) is not { } user)
        {
            return Pop3SaslOutcome.Malformed;
        }

        var passwordResponse = await ChallengeAsync(Pop3Sasl.PasswordChallenge, cancellationToken);
        if (passwordResponse is null)
        {
            return Pop3SaslOutcome.Disconnected;
        }

        if (Pop3Sasl.IsCancel(passwordResponse))
        {
            return Pop3SaslOutcome.Cancelled;
        }

        return Pop3Sasl.Decode(passwordResponse) is { } password
            ? new Pop3SaslOutcome(Pop3SaslStatus.Credentials, user, password)
            : Pop3SaslOutcome.Malformed;
    }

    /// <summary>Sends a challenge and reads the response line; null when the client is gone.</summary>
    private async ValueTask<string?> ChallengeAsync(string challenge, CancellationToken cancellationToken)
    {
        if (!await writer.ContinueAsync(challenge, cancellationToken))
        {
            return null;
        }

        var line = await connection.ReadLineAsync(options.MaxLineLength, options.IdleTimeout, cancellationToken);
        return line.Status switch
        {
            LineStatus.Line => System.Text.Encoding.Latin1.GetString(line.Line).Trim(),

            // An overlong response is not valid base64: the exchange fails as malformed.
            LineStatus.TooLong => "\0",
            _ => null,
        };
    }
}
