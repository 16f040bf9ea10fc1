using Microsoft.AspNetCore.Builder;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities;

// The Opportunities service as its own process (the distributed mode): give it Storage:Kind=redis with
// Storage:Redis, and its sidecar's Dapr:GrpcEndpoint (or DAPR_GRPC_PORT) and app token (APP_API_TOKEN). The standalone host composes the same AddOpportunities().
var builder = ServiceProcess.CreateBuilder(args);
builder.Services.AddServiceDefaults().AddTokenAuthentication(builder.Configuration).AddInfrastructure(builder.Configuration)
    .AddOpportunities().AddTelemetry(builder.Configuration, "opportunities");
var app = builder.Build();
app.UseServicePipeline(OpportunityService.Descriptor);
app.MapServiceDefaults();
app.MapOpportunities();
await app.RunAsync();
