using Microsoft.AspNetCore.Http.HttpResults;
using MimeKit;
using Sandbox.Core.Ingest;
using Sandbox.Core.Messages;
using Sandbox.Core.Mime;

namespace Sandbox.Server.Api;

/// <summary>
/// <c>POST /api/v1/messages</c>: imports a raw <c>.eml</c> through the same ingest path as SMTP
/// (same limits, same events). The envelope is taken from the headers: MAIL FROM from From
/// (or Sender), RCPT TO from To, Cc and Bcc. Bare LF line ends are stored as CRLF, as SMTP
/// and IMAP require (RFC 5322 section 2.3).
/// </summary>
internal static class ImportEndpoints
{
    public static RouteGroupBuilder MapImport(this RouteGroupBuilder messages)
    {
        messages.MapPost("/", ImportAsync).WithName("ImportMessage")
            .WithSummary("Imports a raw .eml (the request body) as if it came over SMTP; 201 with the id.")
            .Accepts<byte[]>("message/rfc822", "application/octet-stream");
        return messages;
    }

    private static async Task<Results<Created<ImportedDto>, ProblemHttpResult>> ImportAsync(HttpRequest request, MessageIngestor ingestor)
    {
        var body = await ReadBoundedAsync(request.Body, ingestor.MaxMessageSize, request.HttpContext.RequestAborted);
        if (body is null)
        {
            return Problems.Status(StatusCodes.Status413PayloadTooLarge, "Message too large", $"The message exceeds the maximum message size of {ingestor.MaxMessageSize} bytes.");
        }

        if (body.Length == 0)
        {
            return Problems.BadRequest("The request body is empty: send the raw message (.eml) as the body.");
        }

        var raw = NormaliseLineEnds(body);
        if (RawPreChecks.CheckHeaders(raw, ingestor.Limits) != PreCheckFailure.None)
        {
            var rejected = ingestor.Ingest(raw, MessageEnvelope.ForImport(MessageSource.Import, "", []));
            return Problems.Status(StatusCodes.Status422UnprocessableEntity, "Message rejected", $"The message was not stored: {rejected.Describe()}.");
        }

        var result = ingestor.Ingest(raw, EnvelopeOf(raw, ingestor.Limits));
        return result.Rejection switch
        {
            IngestRejection.None => TypedResults.Created($"/api/v1/messages/{result.Message!.Id}", new ImportedDto(result.Message.Id, result.Message.Seq)),
            IngestRejection.TooLarge => Problems.Status(StatusCodes.Status413PayloadTooLarge, "Message too large", $"The message was not stored: {result.Describe()}."),
            _ => Problems.Status(StatusCodes.Status422UnprocessableEntity, "Message rejected", $"The message was not stored: {result.Describe()}."),
        };
    }

    private static MessageEnvelope EnvelopeOf(byte[] raw, IngestLimits limits)
    {
        try
        {
            var headers = MessageViewBuilder.Parse(raw, limits, headersOnly: true);
            var from = headers.From.Mailboxes.FirstOrDefault()?.Address ?? headers.Sender?.Address ?? "";
            var rcpt = headers.To.Mailboxes.Concat(headers.Cc.Mailboxes).Concat(headers.Bcc.Mailboxes)
                .Select(m => m.Address)
                .Where(a => !string.IsNullOrWhiteSpace(a))
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToArray();
            return MessageEnvelope.ForImport(MessageSource.Import, from, rcpt);
        }
        catch (FormatException)
        {
            return MessageEnvelope.ForImport(MessageSource.Import, "", []);
        }
    }

    /// <summary>The body, or null when it is longer than <paramref name="max"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static byte[] NormaliseLineEnds(byte[] body)
    {
        var output = new List<byte>(body.Length + (body.Length / 40) + 2);
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == (byte)'\n' && (i == 0 || body[i - 1] != (byte)'\r'))
            {
                output.Add((byte)'\r');
            }

            output.Add(body[i]);
        }

        if (output.Count < 2 || output[^2] != (byte)'\r' || output[^1] != (byte)'\n')
        {
            output.Add((byte)'\r');
            output.Add((byte)'\n');
        }

        return [.. output];
    }
}
