using Microsoft.AspNetCore.Builder;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Profiles;

// The Profiles service as its own process (the distributed mode): give it Storage:Kind=redis with
// Storage:Redis, and its sidecar's Dapr:GrpcEndpoint (or DAPR_GRPC_PORT) and app token (APP_API_TOKEN). The standalone host composes the same AddProfiles().
var builder = ServiceProcess.CreateBuilder(args);
builder.Services.AddServiceDefaults().AddTokenAuthentication(builder.Configuration).AddInfrastructure(builder.Configuration)
    .AddProfiles().AddTelemetry(builder.Configuration, "profiles");
var app = builder.Build();
app.UseServicePipeline(ProfileService.Descriptor);
app.MapServiceDefaults();
app.MapProfiles();
await app.RunAsync();
