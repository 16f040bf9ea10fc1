using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Console;
using Newcomers.Contracts.V1;
using Newcomers.Host.Composition;
using Newcomers.Host.Demo;
using Newcomers.Matching;
using Newcomers.Matching.ReadModel;
using Newcomers.Opportunities;
using Newcomers.Profiles;

namespace Newcomers.Host;

/// <summary>All three services and the console in one process, with the same registrations as their own processes use.</summary>
public static class StandaloneHost
{
    /// <param name="args">Command-line settings.</param>
    /// <param name="configure">For tests: changes to the builder (say, another logger provider).</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = ServiceProcess.CreateBuilder(args, configure, typeof(StandaloneHost).Assembly.GetName().Name);
        // The console's stylesheets and blazor.web.js, also when the host runs from its build output.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddServiceDefaults().AddTokenAuthentication(builder.Configuration).AddInfrastructure(builder.Configuration)
            .AddProfiles().AddOpportunities().AddMatching()
            .AddSingleton<IReadModelSource, InProcessReadModelSource>()
            .AddSingleton<Newcomers.Profiles.Export.IMatchHistorySource, InProcessMatchHistorySource>()
            .AddSingleton<Newcomers.Matching.Contact.IContactSource, InProcessContactSource>()
            .AddSingleton<Newcomers.Profiles.Monitoring.IMatchFactsSource, InProcessMatchFactsSource>()
            .AddSingleton<Newcomers.Matching.Fairness.IProtectedAttributeSource, InProcessProtectedAttributeSource>()
            .AddDemoRegion(builder.Configuration)
            .AddConsole(builder.Configuration)
            .AddTelemetry(builder.Configuration, "newcomer-matching");

        var app = builder.Build();
        app.UseServicePipeline(ProfileService.Descriptor, OpportunityService.Descriptor, MatchingService.Descriptor);
        app.MapServiceDefaults();
        app.MapProfiles();
        app.MapOpportunities();
        app.MapMatching();
        app.MapConsole();
        return app;
    }
}
