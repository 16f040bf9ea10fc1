using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.Opportunities.Api;
using Newcomers.Opportunities.Storage;

namespace Newcomers.Opportunities;

public static class Extensions
{
    /// <summary>Registers the Opportunities service and its store.</summary>
    public static IServiceCollection AddOpportunities(this IServiceCollection services)
    {
        services.AddSingleton<OpportunityStore>();
        services.AddSingleton<ServiceStore>(sp => sp.GetRequiredService<OpportunityStore>());
        return services;
    }

    public static IEndpointRouteBuilder MapOpportunities(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<OpportunitiesApi>().RequireAuthorization();
        return endpoints;
    }
}
