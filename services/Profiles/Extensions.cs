using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Profiles.Api;
using Newcomers.Profiles.Events;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles;

public static class Extensions
{
    /// <summary>Registers the Profiles service: its store, its postcode table and its event handlers.</summary>
    public static IServiceCollection AddProfiles(this IServiceCollection services)
    {
        services.AddSingleton<ProfileStore>();
        services.AddSingleton<PostcodeTable>();
        services.AddSingleton<Fairness.AttributesForAudit>();
        services.AddSingleton<ServiceStore>(sp => sp.GetRequiredService<ProfileStore>());
        services.AddSingleton<IIntegrationEventHandler, MapHoursEarnedHandler>();
        services.AddOptions<Monitoring.MonitoringOptions>().BindConfiguration(Monitoring.MonitoringOptions.Section);
        return services;
    }

    public static IEndpointRouteBuilder MapProfiles(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<ProfilesApi>().RequireAuthorization();
        return endpoints;
    }
}
