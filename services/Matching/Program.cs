using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Matching;
using Newcomers.Matching.ReadModel;

// The Matching service as its own process (the distributed mode): give it Storage:Kind=redis with
// Storage:Redis, Dapr:GrpcEndpoint for its sidecar, and Matching:ProfilesAddress and
// Matching:OpportunitiesAddress, whose streaming List RPCs rebuild its read model at start (with a
// service token signed by Auth:SigningKey). The standalone host composes the same AddMatching().
var builder = ServiceProcess.CreateBuilder(args);
builder.Services.AddServiceDefaults().AddTokenAuthentication(builder.Configuration).AddInfrastructure(builder.Configuration)
    .AddMatching().AddTelemetry(builder.Configuration, "matching")
    .AddSingleton<IReadModelSource>(sp =>
    {
        var token = LocalTokens.Mint(sp.GetRequiredService<IOptions<AuthOptions>>().Value, "matching", Roles.Service, lifetime: TimeSpan.FromHours(1));
        var configuration = sp.GetRequiredService<IConfiguration>();
        return new GrpcReadModelSource(BearerChannel.For(configuration["Matching:ProfilesAddress"]!, token),
            BearerChannel.For(configuration["Matching:OpportunitiesAddress"]!, token));
    });
var app = builder.Build();
app.UseServicePipeline(MatchingService.Descriptor);
app.MapServiceDefaults();
app.MapMatching();
await app.RunAsync();
