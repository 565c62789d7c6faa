using System.Net;
using Sandbox.Protocols.Transport;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace Sandbox.Protocols.Smtp;

/// <summary>
/// SmtpServer's endpoint-listener extension point: the library's own listener, plus
/// connection caps (total and per client address; beyond them a <c>421</c> and close, existing
/// sessions unaffected) and the <see cref="SmtpPipe"/> wrapper.
/// </summary>
internal sealed class GuardedEndpointListenerFactory : IEndpointListenerFactory
{
    private static readonly byte[] TooManyConnections = "421 4.7.0 Too many connections, try again later\r\n"u8.ToArray();
    private readonly EndpointListenerFactory _inner = new();
    private readonly ConnectionLimiter _limiter;
    private readonly long _maxMessageSize;

    public GuardedEndpointListenerFactory(SmtpOptions options, Action<IEndpointDefinition, EndPoint> started)
    {
        _limiter = new ConnectionLimiter(options.MaxConnections, options.MaxConnectionsPerAddress);
        _maxMessageSize = options.MaxMessageSize;
        _inner.EndpointStarted += (_, e) => started(e.EndpointDefinition, e.LocalEndPoint);
    }

    public IEndpointListener CreateListener(IEndpointDefinition endpointDefinition) =>
        new Listener(this, _inner.CreateListener(endpointDefinition));

    private sealed class Listener(GuardedEndpointListenerFactory owner, IEndpointListener inner) : IEndpointListener
    {
        public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
        {
            while (true)
            {
                var pipe = await inner.GetPipeAsync(context, cancellationToken);
                var address = context.Properties.TryGetValue(EndpointListener.RemoteEndPointKey, out var ep) && ep is IPEndPoint ip
                    ? ip.Address
                    : IPAddress.None;
                if (owner._limiter.TryAcquire(address))
                {
                    return new SmtpPipe(pipe, owner._maxMessageSize, () => owner._limiter.Release(address));
                }

                await RefuseAsync(pipe, cancellationToken);
            }
        }

        public void Dispose() => inner.Dispose();

        private static async Task RefuseAsync(ISecurableDuplexPipe pipe, CancellationToken cancellationToken)
        {
            try
            {
                await pipe.Output.WriteAsync(TooManyConnections, cancellationToken);
            }
            catch (IOException)
            {
                // The client is already gone; nothing to tell it.
            }
            finally
            {
                pipe.Dispose();
            }
        }
    }
}
