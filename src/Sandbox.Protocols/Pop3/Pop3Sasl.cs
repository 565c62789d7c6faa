using System.Text;

namespace Sandbox.Protocols.Pop3;

/// <summary>Pure decoding of SASL responses for AUTH (RFC 5034): base64, PLAIN (RFC 4616), LOGIN.</summary>
internal static class Pop3Sasl
{
    /// <summary>Base64 of "Username:" and "Password:", the challenges every LOGIN client expects.</summary>
    public const string UsernameChallenge = "VXNlcm5hbWU6";
    public const string PasswordChallenge = "UGFzc3dvcmQ6";

    /// <summary>True for the client's "*" that cancels an exchange (RFC 5034 section 4).</summary>
    public static bool IsCancel(string response) => response == "*";

    /// <summary>Decodes a base64 response; "=" is the empty initial response. Null when not base64.</summary>
    public static string? Decode(string response)
    {
        if (response == "=")
        {
            return string.Empty;
        }

        var buffer = new byte[(response.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(response, buffer, out var written)
            ? Encoding.UTF8.GetString(buffer, 0, written)
            : null;
    }

    /// <summary>PLAIN: <c>[authzid] NUL authcid NUL passwd</c>; the authentication identity is the login.</summary>
    public static bool TryParsePlain(string decoded, out string user, out string password)
    {
        user = password = string.Empty;
        var parts = decoded.Split('\0');
        if (parts.Length != 3 || parts[1].Length == 0)
        {
            return false;
        }

        user = parts[1];
        password = parts[2];
        return true;
    }
}
