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

/// <summary>What every process of the product has: gRPC with the error model (also as REST/JSON), health, reflection, storage and events.</summary>
public static class ServiceDefaults
{
    public static IServiceCollection AddServiceDefaults(this IServiceCollection services)
    {
        var grpc = services.AddGrpc(options =>
        {
            options.Interceptors.Add<ErrorInterceptor>();
            options.MaxReceiveMessageSize = MalformedMessageGuard.MaxMessage;
        });
        services.AddRestApi(grpc);
        services.AddGrpcReflection();
        // Ready once the start-up work that services register (the read model, the demo region) is done.
        services.AddSingleton<Grpc.HealthCheck.HealthServiceImpl>();
        services.AddSingleton<Readiness>();
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        services.AddHostedService<OutboxSweeper>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<Pseudonyms>();
        services.AddSingleton<Pages>();
        services.AddSingleton(sp => new Markers(Keys.Derive(sp.GetRequiredService<IOptions<AuthOptions>>().Value, "marker")));
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.Section);
        services.AddSingleton<AuditStore>();
        services.AddSingleton<ServiceStore>(sp => sp.GetRequiredService<AuditStore>());
        services.AddSingleton<AuditTrail>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditTrail>());
        services.AddSingleton<IIntegrationEventHandler>(sp => sp.GetRequiredService<AuditTrail>());
        return services;
    }

    /// <summary>Start-up work the process must finish before it reports ready; mark it done with <see cref="Readiness.Done"/>.</summary>
    public static IServiceCollection AddStartupWork(this IServiceCollection services, string name) => services.AddSingleton(new StartupWork(name));

    /// <summary>
    /// The adapters as configured: storage in SQLite files, or in Redis when Storage:Kind is "redis";
    /// events in process, or through the Dapr sidecar when Dapr:GrpcEndpoint (or Dapr's DAPR_GRPC_PORT) is set.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        if (storage.Kind == "redis")
        {
            services.AddSingleton<StackExchange.Redis.IConnectionMultiplexer>(_ =>
            {
                // Erasure rewrites the append-only file (CONFIG GET, BGREWRITEAOF): admin commands.
                var redis = StackExchange.Redis.ConfigurationOptions.Parse(storage.Redis);
                redis.AllowAdmin = true;
                return StackExchange.Redis.ConnectionMultiplexer.Connect(redis);
            });
            services.AddSingleton<IDocumentStoreFactory, RedisDocumentStoreFactory>();
        }
        else
        {
            services.AddSingleton<IDocumentStoreFactory, SqliteDocumentStoreFactory>();
        }
        services.AddOptions<DaprEventsOptions>().BindConfiguration(DaprEventsOptions.Section)
            .PostConfigure(o => o.AppApiToken = o.AppApiToken.Length > 0 ? o.AppApiToken : configuration["APP_API_TOKEN"] ?? "");
        var sidecar = DaprEventsOptions.SidecarEndpoint(configuration);
        if (sidecar.Length == 0)
        {
            services.AddSingleton<IEventBus, InProcessEventBus>();
        }
        else
        {
            // The AppCallback service shares the API's port: without the sidecar's token anyone could post events.
            if (string.IsNullOrEmpty(configuration["Dapr:AppApiToken"]) && string.IsNullOrEmpty(configuration["APP_API_TOKEN"]))
                throw new InvalidOperationException("With a Dapr sidecar, set APP_API_TOKEN (or Dapr:AppApiToken) to the token the sidecar sends to the app");
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
        endpoints.ServiceProvider.GetRequiredService<Readiness>();
        endpoints.MapGrpcService<Grpc.HealthCheck.HealthServiceImpl>();
        var reflection = endpoints.MapGrpcReflectionService();
        if (!endpoints.ServiceProvider.GetRequiredService<IOptions<AuthOptions>>().Value.AnonymousReflection) reflection.RequireAuthorization();
        endpoints.MapGrpcService<AuditApi>().RequireAuthorization();
        // The sidecar delivers events here; it authenticates with Dapr:AppApiToken, not a user's token.
        if (endpoints.ServiceProvider.GetRequiredService<IEventBus>() is DaprEventBus) endpoints.MapGrpcService<DaprSubscriber>();
        endpoints.MapGet("/healthz", () => "ok");
        endpoints.MapGet("/readyz", (Readiness readiness) => readiness.IsReady
            ? Microsoft.AspNetCore.Http.Results.Text("ready")
            : Microsoft.AspNetCore.Http.Results.Text("starting: " + string.Join(", ", readiness.Pending), statusCode: 503));
        return endpoints;
    }
}
