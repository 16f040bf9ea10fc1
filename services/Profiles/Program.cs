using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Profiles;
using Newcomers.Profiles.Export;
using Newcomers.Profiles.Monitoring;

// The Profiles service as its own process (the distributed mode): give it Storage:Kind=redis with
// Storage:Redis, and its sidecar's Dapr:GrpcEndpoint (or DAPR_GRPC_PORT) and app token (APP_API_TOKEN).
// ExportNewcomer and GetMonitoringFigures ask the matching service for its part with a service token: through Dapr service
// invocation (app id "matching") when there is a sidecar, or at Profiles:MatchingAddress when given.
// The standalone host composes the same AddProfiles().
var builder = ServiceProcess.CreateBuilder(args);
builder.Services.AddServiceDefaults().AddTokenAuthentication(builder.Configuration).AddInfrastructure(builder.Configuration)
    .AddProfiles().AddTelemetry(builder.Configuration, "profiles")
    .AddSingleton(sp => new ServiceTokens(sp.GetRequiredService<IOptions<AuthOptions>>(), "profiles"))
    .AddSingleton<IMatchHistorySource>(sp => new GrpcMatchHistorySource(() =>
        ServiceChannel.To("matching", "Profiles:MatchingAddress", sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ServiceTokens>().GetAsync)))
    .AddSingleton<IMatchFactsSource>(sp => new GrpcMatchFactsSource(() =>
        ServiceChannel.To("matching", "Profiles:MatchingAddress", sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ServiceTokens>().GetAsync)));
var app = builder.Build();
app.UseServicePipeline(ProfileService.Descriptor);
app.MapServiceDefaults();
app.MapProfiles();
await app.RunAsync();
