using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Google.Protobuf.Reflection;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>Where a process listens (section "Hosting"). Port 0 picks a free port.</summary>
public sealed class HostingOptions
{
    public const string Section = "Hosting";
    public string Address { get; set; } = "127.0.0.1";
    public int GrpcPort { get; set; } = 5080;
    public int HttpPort { get; set; } = 5081;

    /// <summary>A PKCS#12 (.pfx) certificate: when given, both ports serve TLS only.</summary>
    public string CertificatePath { get; set; } = "";

    public string CertificatePassword { get; set; } = "";
}

/// <summary>What every process of the product does alike: its listeners and its request pipeline.</summary>
public static class ServiceProcess
{
    /// <summary>A builder whose settings come from beside the binary, listening as Hosting says.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
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

    /// <summary>Authentication, authorisation, then the malformed-message guard for the given services.</summary>
    public static WebApplication UseServicePipeline(this WebApplication app, params ServiceDescriptor[] services)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMalformedMessageGuard([.. services, AuditService.Descriptor]);
        return app;
    }
}
