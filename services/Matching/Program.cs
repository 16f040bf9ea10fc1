using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Builder;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Matching;
using Newcomers.Matching.Contact;
using Newcomers.Matching.ReadModel;

// The Matching service as its own process (the distributed mode): give it Storage:Kind=redis with
// Storage:Redis, and its sidecar's Dapr:GrpcEndpoint (or DAPR_GRPC_PORT) and app token (APP_API_TOKEN). At start it rebuilds its read model from the
// other services' streaming List RPCs (with a service token: from the OIDC provider by client
// credentials when Auth:Authority is set, else signed by Auth:SigningKey): through
// Dapr service invocation (app ids "profiles" and "opportunities") when there is a sidecar, or at
// Matching:ProfilesAddress and Matching:OpportunitiesAddress when given. GetMatchContact asks the
// Profiles service for the newcomer's name and caseworker the same way (GetNewcomerContact), since
// this service keeps no names, and the fairness report asks for the protected attributes (StreamProtectedAttributesForAudit). With a sidecar, match changes also go out on the platforms' topics
// (AddPlatformTopics). The standalone host composes the same AddMatching().
var builder = ServiceProcess.CreateBuilder(args);
builder.Services.AddServiceDefaults().AddTokenAuthentication(builder.Configuration).AddInfrastructure(builder.Configuration)
    .AddMatching().AddPlatformTopics(builder.Configuration).AddTelemetry(builder.Configuration, "matching")
    .AddSingleton(sp => new ServiceTokens(sp.GetRequiredService<IOptions<AuthOptions>>(), "matching"))
    .AddSingleton<IReadModelSource>(sp =>
    {
        Func<CancellationToken, ValueTask<string>> token = sp.GetRequiredService<ServiceTokens>().GetAsync;
        var configuration = sp.GetRequiredService<IConfiguration>();
        var profiles = ServiceChannel.To("profiles", "Matching:ProfilesAddress", configuration, token);
        var opportunities = ServiceChannel.To("opportunities", "Matching:OpportunitiesAddress", configuration, token);
        return new GrpcReadModelSource(profiles.Channel, opportunities.Channel, profiles.Headers, opportunities.Headers);
    })
    .AddSingleton<IContactSource>(sp => new GrpcContactSource(() =>
        ServiceChannel.To("profiles", "Matching:ProfilesAddress", sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ServiceTokens>().GetAsync)))
    .AddSingleton<Newcomers.Matching.Fairness.IProtectedAttributeSource>(sp => new Newcomers.Matching.Fairness.GrpcProtectedAttributeSource(() =>
        ServiceChannel.To("profiles", "Matching:ProfilesAddress", sp.GetRequiredService<IConfiguration>(), sp.GetRequiredService<ServiceTokens>().GetAsync)));
var app = builder.Build();
app.UseServicePipeline(MatchingService.Descriptor);
app.MapServiceDefaults();
app.MapMatching();
await app.RunAsync();
