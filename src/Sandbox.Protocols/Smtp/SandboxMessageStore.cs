using System.Buffers;
using System.Net;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using SmtpServer;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Sandbox.Protocols.Smtp;

/// <summary>
/// SmtpServer's message store extension point: copies the DATA bytes, repairs what the
/// library leaves undone (protocol-facts.md: the final CRLF is missing, a leading "." of the
/// first line is not unstuffed), and commits through the shared ingest path before the
/// library writes the reply. Rejections are returned, never thrown (a thrown
/// SmtpResponseException here sends no reply at all).
/// </summary>
internal sealed class SandboxMessageStore(MessageIngestor ingestor) : IMessageStore
{
    private static readonly SmtpResponse Empty = new(SmtpReplyCode.TransactionFailed, "5.6.0 Empty message not accepted");

    public Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return Task.FromResult(Empty);
        }

        var raw = CopyMessage(buffer);
        var envelope = new MessageEnvelope
        {
            MailFrom = transaction.From is { } from && !string.IsNullOrEmpty(from.User) ? $"{from.User}@{from.Host}" : "",
            RcptTo = transaction.To.Select(t => $"{t.User}@{t.Host}").ToArray(),
            RemoteEndPoint = (context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var ep) ? ep as EndPoint : null)?.ToString(),
            Helo = context.Properties.TryGetValue(SmtpSessionKeys.Helo, out var helo) ? helo as string : null,
            Tls = context.Pipe?.IsSecure ?? false,
            AuthUser = context.Authentication.IsAuthenticated ? context.Authentication.User : null,
        };

        var result = ingestor.Ingest(raw, envelope);
        return Task.FromResult(result.Rejection switch
        {
            IngestRejection.None => SmtpResponse.Ok,
            IngestRejection.Empty => Empty,
            _ => new SmtpResponse(SmtpReplyCode.SizeLimitExceeded, $"5.3.4 Message not accepted: {result.Describe()}"),
        });
    }

    /// <summary>The message bytes with the first-line dot unstuffed and the final CRLF restored.</summary>
    internal static byte[] CopyMessage(ReadOnlySequence<byte> buffer)
    {
        var skip = 0;
        if (buffer.Length >= 2)
        {
            Span<byte> first = stackalloc byte[2];
            buffer.Slice(0, 2).CopyTo(first);
            if (first[0] == (byte)'.' && first[1] == (byte)'.')
            {
                // RFC 5321 4.5.2: the client doubled the leading dot of the first line too.
                skip = 1;
            }
        }

        var content = buffer.Slice(skip);
        var raw = new byte[content.Length + 2];
        content.CopyTo(raw);
        raw[^2] = (byte)'\r';
        raw[^1] = (byte)'\n';
        return raw;
    }
}
