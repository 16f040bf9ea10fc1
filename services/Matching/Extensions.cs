using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Events.Dapr;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Matching.Api;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;
using Newcomers.Matching.PlatformTopics;
using Newcomers.Matching.ReadModel;
using Newcomers.Matching.Storage;

namespace Newcomers.Matching;

// The folders depend one way only, each on those before it: Domain (pure) ← Storage ← ReadModel ← Learning ← Cohorts ← Api ← PlatformTopics.
// Domain declares what the others plug in (IRanker, IRankerInForce, IImpressionRecorder, IPairHistories);
// Contact and Fairness, the ports to the Profiles service for GetMatchContact and the protected attributes, depend on no other folder.
public static class Extensions
{
    /// <summary>
    /// Registers the Matching service: its store, read model, recommender and event handlers.
    /// The host also registers an <see cref="IReadModelSource"/> for the start-up rebuild and an
    /// <see cref="Contact.IContactSource"/> for GetMatchContact and an <see cref="Fairness.IProtectedAttributeSource"/> for the fairness report.
    /// </summary>
    public static IServiceCollection AddMatching(this IServiceCollection services)
    {
        services.AddOptions<MatchingOptions>().BindConfiguration(MatchingOptions.Section);
        services.AddOptions<WarningOptions>().BindConfiguration(WarningOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MatchStore>();
        services.AddSingleton<ServiceStore>(sp => sp.GetRequiredService<MatchStore>());
        services.AddSingleton<MatchingReadModel>();
        services.AddSingleton<Recommender>();
        services.AddSingleton<SupplyAndDemandCounter>();
        services.AddOptions<Learning.Card.ModelCardOptions>().BindConfiguration(Learning.Card.ModelCardOptions.Section);
        services.AddSingleton<Learning.Card.IFairnessReportSource, Learning.Card.FairnessCardSource>();
        services.AddSingleton<Learning.Card.ModelCardWriter>();
        services.AddSingleton<PipAdvisor>();
        services.AddSingleton<CohortAssigner>();
        services.AddSingleton<MatchAccess>();
        services.AddSingleton<WatchCursors>();
        services.AddSingleton<CurrentRanker>();
        services.AddSingleton<IRankerInForce>(sp => sp.GetRequiredService<CurrentRanker>());
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<OutcomeLabels>();
        services.AddSingleton<ModelTraining>();
        services.AddOptions<Fairness.FairnessOptions>().BindConfiguration(Fairness.FairnessOptions.Section);
        services.AddSingleton<FairnessReporter>();
        services.AddHostedService<ModelBootstrap>();
        services.AddSingleton<ImpressionLog>();
        services.AddSingleton<IImpressionRecorder>(sp => sp.GetRequiredService<ImpressionLog>());
        services.AddHostedService(sp => sp.GetRequiredService<ImpressionLog>());
        services.AddSingleton<MatchFeed>();
        services.AddSingleton<MatchChangeLog>();
        services.AddSingleton<MatchHistoryExport>();
        services.AddSingleton<IIntegrationEventHandler, ReadModelEventHandler>();
        services.AddSingleton<IIntegrationEventHandler, MatchHistoryEraser>();
        services.AddSingleton<IIntegrationEventHandler>(sp => sp.GetRequiredService<ModelRegistry>());
        services.AddSingleton<ReadModelLoader>();
        services.AddHostedService(sp => sp.GetRequiredService<ReadModelLoader>());
        services.AddStartupWork(ReadModelLoader.Work);
        return services;
    }

    /// <summary>
    /// With a Dapr sidecar (the distributed mode) and Matching:PlatformTopics:Enabled: every match
    /// change also goes out on its platform's pub/sub topic (<see cref="PlatformTopicPublisher"/>).
    /// </summary>
    public static IServiceCollection AddPlatformTopics(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PlatformTopicOptions>().BindConfiguration(PlatformTopicOptions.Section);
        var enabled = configuration.GetSection(PlatformTopicOptions.Section).Get<PlatformTopicOptions>()?.Enabled ?? true;
        if (!enabled || DaprEventsOptions.SidecarEndpoint(configuration).Length == 0) return services;
        services.AddSingleton<IPlatformTopics, DaprPlatformTopics>();
        services.AddHostedService<PlatformTopicPublisher>();
        return services;
    }

    public static IEndpointRouteBuilder MapMatching(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<MatchingApi>().RequireAuthorization();
        return endpoints;
    }
}
