using System.Net;
using Microsoft.Extensions.Options;
using Sandbox.Core.Store;
using Sandbox.Protocols.Pop3;
using Sandbox.Protocols.Imap;
using Sandbox.Protocols.Smtp;
using Sandbox.Protocols.Tls;
using Sandbox.Protocols.Transport;

namespace Sandbox.Server.Configuration;

/// <summary>
/// Start-up validation of every option (ValidateOnStart): a bad value stops the process with
/// one clear message naming the key, before any port is bound.
/// </summary>
internal sealed class SandboxOptionsValidator :
    IValidateOptions<SmtpOptions>,
    IValidateOptions<StoreOptions>,
    IValidateOptions<TlsOptions>,
    IValidateOptions<ListenOptions>,
    IValidateOptions<Pop3Options>,
    IValidateOptions<ImapOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        var errors = new List<string>();
        Port(errors, "Sandbox:Smtp:Port", options.Port, allowOff: false);
        Port(errors, "Sandbox:Smtp:TlsPort", options.TlsPort, allowOff: true);
        if (options.MaxMessageSize < 1024)
        {
            errors.Add($"Sandbox:Smtp:MaxMessageSize must be at least 1024 bytes (got {options.MaxMessageSize}).");
        }

        Positive(errors, "Sandbox:Smtp:MaxRecipients", options.MaxRecipients);
        Positive(errors, "Sandbox:Smtp:MaxConnections", options.MaxConnections);
        Positive(errors, "Sandbox:Smtp:MaxConnectionsPerAddress", options.MaxConnectionsPerAddress);
        if (options.IdleTimeout <= TimeSpan.Zero || options.SessionTimeout <= TimeSpan.Zero)
        {
            errors.Add("Sandbox:Smtp:IdleTimeout and Sandbox:Smtp:SessionTimeout must be positive durations (e.g. 00:05:00).");
        }

        if (SmtpOptions.ParseUsers(options.Users, out _) is { } userError)
        {
            errors.Add($"Sandbox:Smtp:Users: {userError}.");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, Pop3Options options)
    {
        var errors = new List<string>();
        Port(errors, "Sandbox:Pop3:Port", options.Port, allowOff: false);
        Port(errors, "Sandbox:Pop3:TlsPort", options.TlsPort, allowOff: true);
        Positive(errors, "Sandbox:Pop3:MaxConnections", options.MaxConnections);
        Positive(errors, "Sandbox:Pop3:MaxConnectionsPerAddress", options.MaxConnectionsPerAddress);
        Positive(errors, "Sandbox:Pop3:MaxAuthenticationAttempts", options.MaxAuthenticationAttempts);
        if (options.MaxLineLength < 255)
        {
            errors.Add($"Sandbox:Pop3:MaxLineLength must be at least 255 bytes, the RFC 2449 minimum (got {options.MaxLineLength}).");
        }

        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add("Sandbox:Pop3:IdleTimeout must be a positive duration (e.g. 00:10:00).");
        }

        if (Pop3Options.ParseUsers(options.Users, out _) is { } userError)
        {
            errors.Add($"Sandbox:Pop3:Users: {userError}.");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, StoreOptions options)
    {
        var errors = new List<string>();
        Positive(errors, "Sandbox:Store:MaxMessages", options.MaxMessages);
        if (options.MaxBytes < 1024)
        {
            errors.Add($"Sandbox:Store:MaxBytes must be at least 1024 bytes (got {options.MaxBytes}).");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, TlsOptions options) =>
        TlsCertificateProvider.Validate(options) is { } error ? ValidateOptionsResult.Fail(error) : ValidateOptionsResult.Success;

    public ValidateOptionsResult Validate(string? name, ListenOptions options) =>
        IPAddress.TryParse(options.ListenAddress, out _)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"Sandbox:ListenAddress must be an IP address such as 127.0.0.1 or 0.0.0.0 (got '{options.ListenAddress}').");

    public ValidateOptionsResult Validate(string? name, ImapOptions options)
    {
        var errors = new List<string>();
        Port(errors, "Sandbox:Imap:Port", options.Port, allowOff: false);
        Port(errors, "Sandbox:Imap:TlsPort", options.TlsPort, allowOff: true);
        Positive(errors, "Sandbox:Imap:MaxConnections", options.MaxConnections);
        Positive(errors, "Sandbox:Imap:MaxConnectionsPerAddress", options.MaxConnectionsPerAddress);
        Positive(errors, "Sandbox:Imap:MaxAuthenticationAttempts", options.MaxAuthenticationAttempts);
        if (options.MaxLineLength < 1024)
        {
            errors.Add($"Sandbox:Imap:MaxLineLength must be at least 1024 bytes (got {options.MaxLineLength}).");
        }

        if (options.IdleTimeout <= TimeSpan.Zero)
        {
            errors.Add("Sandbox:Imap:IdleTimeout must be a positive duration (e.g. 00:30:00).");
        }

        if (SmtpOptions.ParseUsers(options.Users, out _) is { } userError)
        {
            errors.Add($"Sandbox:Imap:Users: {userError}.");
        }

        return Result(errors);
    }

    private static void Port(List<string> errors, string key, int value, bool allowOff)
    {
        if (value is < 0 or > 65535 && !(allowOff && value == -1))
        {
            errors.Add($"{key} must be a port between 0 and 65535{(allowOff ? " or -1 (off)" : "")} (got {value}).");
        }
    }

    private static void Positive(List<string> errors, string key, long value)
    {
        if (value <= 0)
        {
            errors.Add($"{key} must be a positive number (got {value}).");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
