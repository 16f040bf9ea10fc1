using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Auth;
using Google.Protobuf.Reflection;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>What every process of the product does alike: its listeners and its request pipeline.</summary>
public static class ServiceProcess
{
    /// <summary>A builder whose settings come from beside the binary, listening as Hosting says.</summary>
    /// <param name="args">Command-line settings.</param>
    /// <param name="configure">For tests: changes to the builder.</param>
    /// <param name="applicationName">The application whose static web assets to serve (the console's), when the entry assembly is another (a test runner).</param>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<WebApplicationBuilder>? configure = null, string? applicationName = null)
    {
        // Numbers and dates in logs, ids and files the same on every machine, whatever its locale; the console writes Dutch explicitly.
        System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
        System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory, ApplicationName = applicationName });
        configure?.Invoke(builder);
        var hosting = builder.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            var address = IPAddress.Parse(hosting.Address);
            // Plaintext gRPC needs an HTTP/2-only endpoint; health and other HTTP/1.1 traffic get their own port.
            // With a certificate both ports speak TLS (gRPC then negotiates HTTP/2 by ALPN).
            kestrel.Listen(address, hosting.GrpcPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http2;
                if (hosting.CertificatePath.Length > 0) listen.UseHttps(hosting.CertificatePath, hosting.CertificatePassword);
            });
            kestrel.Listen(address, hosting.HttpPort, listen =>
            {
                listen.Protocols = HttpProtocols.Http1;
                if (hosting.CertificatePath.Length > 0) listen.UseHttps(hosting.CertificatePath, hosting.CertificatePassword);
            });
        });
        return builder;
    }

    /// <summary>The OpenAPI document and its page, authentication, authorisation, then the malformed-message guard for the given services.</summary>
    public static WebApplication UseServicePipeline(this WebApplication app, params ServiceDescriptor[] services)
    {
        CheckExposure(app);
        app.UseRestApi();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMalformedMessageGuard([.. services, AuditService.Descriptor]);
        return app;
    }

    /// <summary>
    /// On a network address the published demo key would let anyone mint an admin token and recompute
    /// pseudonyms: refused unless Hosting:Lab says this is a lab. Plaintext there is warned about.
    /// </summary>
    private static void CheckExposure(WebApplication app)
    {
        var hosting = app.Configuration.GetSection(HostingOptions.Section).Get<HostingOptions>() ?? new HostingOptions();
        if (IPAddress.IsLoopback(IPAddress.Parse(hosting.Address))) return;
        var auth = app.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var publishedKey = auth.Authority.Length == 0 && auth.SigningKey == AuthOptions.PublishedDemoKey;
        if (publishedKey && !hosting.Lab)
            throw new InvalidOperationException($"Refusing to serve on {hosting.Address} with the published demo signing key: anyone could mint an admin token. " +
                "Set Auth:SigningKey to a secret of your own (or Auth:Authority), or Hosting:Lab=true for a lab.");
        if (publishedKey) app.Logger.LogWarning("Serving on {Address} with the published demo signing key (Hosting:Lab): anyone who can reach it can mint an admin token", hosting.Address);
        if (hosting.CertificatePath.Length == 0)
            app.Logger.LogWarning("Serving plaintext on {Address}, a network address: tokens and personal data cross the network unencrypted; set Hosting:CertificatePath or put TLS in front", hosting.Address);
    }
}
