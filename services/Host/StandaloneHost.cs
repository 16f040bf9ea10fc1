using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Host.Composition;
using Newcomers.Host.Demo;
using Newcomers.Matching;
using Newcomers.Matching.ReadModel;
using Newcomers.Opportunities;
using Newcomers.Profiles;

namespace Newcomers.Host;

/// <summary>All three services in one process, with the same registrations as their own processes use.</summary>
public static class StandaloneHost
{
    /// <param name="args">Command-line settings.</param>
    /// <param name="configure">For tests: changes to the builder (say, another logger provider).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // Settings come from the appsettings.json beside the binary, wherever the host is started from.
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

        builder.Services.AddServiceDefaults().AddTokenAuthentication(builder.Configuration).AddEmbeddedInfrastructure(builder.Configuration)
            .AddProfiles().AddOpportunities().AddMatching()
            .AddSingleton<IReadModelSource, InProcessReadModelSource>()
            .AddDemoRegion(builder.Configuration)
            .AddTelemetry(builder.Configuration, "newcomer-matching");

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMalformedMessageGuard(ProfileService.Descriptor, OpportunityService.Descriptor, MatchingService.Descriptor, AuditService.Descriptor);
        app.MapServiceDefaults();
        app.MapProfiles();
        app.MapOpportunities();
        app.MapMatching();
        return app;
    }
}

/// <summary>Where the host listens (section "Hosting"). Port 0 picks a free port.</summary>
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
