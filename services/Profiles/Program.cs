using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Events.Dapr;
using Newcomers.Contracts.V1;
using Newcomers.Profiles;
using Newcomers.Profiles.Export;

// The Profiles service as its own process (the distributed mode): give it Storage:Kind=redis with
// Storage:Redis, and its sidecar's Dapr:GrpcEndpoint (or DAPR_GRPC_PORT) and app token (APP_API_TOKEN).
// ExportNewcomer asks the matching service for its part with a service token: through Dapr service
// invocation (app id "matching") when there is a sidecar, or at Profiles:MatchingAddress when given.
// The standalone host composes the same AddProfiles().
var builder = ServiceProcess.CreateBuilder(args);
builder.Services.AddServiceDefaults().AddTokenAuthentication(builder.Configuration).AddInfrastructure(builder.Configuration)
    .AddProfiles().AddTelemetry(builder.Configuration, "profiles")
    .AddSingleton(sp => new ServiceTokens(sp.GetRequiredService<IOptions<AuthOptions>>(), "profiles"))
    .AddSingleton<IMatchHistorySource>(sp =>
    {
        Func<CancellationToken, ValueTask<string>> token = sp.GetRequiredService<ServiceTokens>().GetAsync;
        var configuration = sp.GetRequiredService<IConfiguration>();
        var sidecar = DaprEventsOptions.SidecarEndpoint(configuration);
        if (string.IsNullOrEmpty(configuration["Profiles:MatchingAddress"]) && sidecar.Length > 0)
            return new GrpcMatchHistorySource(BearerChannel.For(sidecar, token), new Grpc.Core.Metadata { { "dapr-app-id", "matching" } });
        return new GrpcMatchHistorySource(BearerChannel.For(configuration["Profiles:MatchingAddress"]
            ?? throw new InvalidOperationException("Set Profiles:MatchingAddress, or give the service a Dapr sidecar: ExportNewcomer asks the matching service"), token));
    });
var app = builder.Build();
app.UseServicePipeline(ProfileService.Descriptor);
app.MapServiceDefaults();
app.MapProfiles();
await app.RunAsync();
