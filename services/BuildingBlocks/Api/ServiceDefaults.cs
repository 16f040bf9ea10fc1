using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>What every process of the product has: gRPC with the error model, health, reflection, storage and events.</summary>
public static class ServiceDefaults
{
    public static IServiceCollection AddServiceDefaults(this IServiceCollection services)
    {
        services.AddGrpc(options => options.Interceptors.Add<ErrorInterceptor>());
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();
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

    /// <summary>The standalone adapters: storage as configured (SQLite files unless Storage:Kind is "redis") and in-process events.</summary>
    public static IServiceCollection AddEmbeddedInfrastructure(this IServiceCollection services, IConfiguration configuration)
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
        services.AddSingleton<IEventBus, InProcessEventBus>();
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
        endpoints.MapGet("/healthz", () => "ok");
        return endpoints;
    }
}
