using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Events.Dapr;
using Newcomers.BuildingBlocks.Storage;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>What every process of the product has: gRPC with the error model, health, reflection, storage and events.</summary>
public static class ServiceDefaults
{
    public static IServiceCollection AddServiceDefaults(this IServiceCollection services)
    {
        services.AddGrpc(options => options.Interceptors.Add<ErrorInterceptor>());
        services.AddGrpcReflection();
        // A process that has started serves; services add their own readiness checks (the read model, the demo region).
        services.AddGrpcHealthChecks().AddCheck("process", () => Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy());
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddHostedService<OutboxSweeper>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Pseudonyms>();
        services.AddSingleton<AuditStore>();
        services.AddSingleton<ServiceStore>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddSingleton<IIntegrationEventHandler>(sp => sp.GetRequiredService<AuditTrail>());
        return services;
    }

    /// <summary>
    /// The adapters as configured: storage in SQLite files, or in Redis when Storage:Kind is "redis";
    /// events in process, or through the Dapr sidecar when Dapr:GrpcEndpoint is set.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Kind == "redis")
        {
            services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ => StackExchange.Redis.ConnectionMultiplexer.Connect(storage.Redis));
            services.AddSingleton<IDocumentStoreFactory, RedisDocumentStoreFactory>();
        }
        else
        {
            services.AddSingleton<IDocumentStoreFactory, SqliteDocumentStoreFactory>();
        }
        services.AddOptions<DaprEventsOptions>().BindConfiguration(DaprEventsOptions.Section);
        var sidecar = configuration["Dapr:GrpcEndpoint"];
        if (string.IsNullOrEmpty(sidecar))
        {
            services.AddSingleton<IEventBus, InProcessEventBus>();
        }
        else
        {
            services.AddSingleton(new global::Dapr.Client.DaprClientBuilder().UseGrpcEndpoint(sidecar).Build());
            services.AddSingleton<IEventBus, DaprEventBus>();
        }
        return services;
    }

    /// <summary>Answers INVALID_ARGUMENT for request bytes that are not a message of the given services' methods.</summary>
    public static IApplicationBuilder UseMalformedMessageGuard(this IApplicationBuilder app, params Google.Protobuf.Reflection.ServiceDescriptor[] services) =>
        app.UseMiddleware<MalformedMessageGuard>(MalformedMessageGuard.InputsOf(services));

    public static IEndpointRouteBuilder MapServiceDefaults(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcHealthChecksService();
        var reflection = endpoints.MapGrpcReflectionService();
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.AnonymousReflection) reflection.RequireAuthorization();
        endpoints.MapGrpcService<AuditApi>().RequireAuthorization();
        // The sidecar delivers events here; it authenticates with Dapr:AppApiToken, not a user's token.
        if (endpoints.ServiceProvider.GetRequiredService<IEventBus>() is DaprEventBus) endpoints.MapGrpcService<DaprSubscriber>();
        endpoints.MapGet("/healthz", () => "ok");
        return endpoints;
    }
}
