using Microsoft.Extensions.Options;
using Sandbox.Server;
using Sandbox.Server.Health;

if (args is ["healthcheck", .. var rest])
{
    return await HealthCheckCommand.RunAsync(rest);
}

try
{
    await using var app = SandboxApp.Create(args);
    await app.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    await Console.Error.WriteLineAsync($"Invalid configuration: {string.Join(" ", ex.Failures)}");
    return 2;
}
catch (InvalidOperationException ex) when (ex.Message.Contains("configuration", StringComparison.OrdinalIgnoreCase))
{
    await Console.Error.WriteLineAsync($"Invalid configuration: {ex.Message}");
    return 2;
}
