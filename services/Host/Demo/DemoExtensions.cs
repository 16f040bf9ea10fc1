using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Newcomers.BuildingBlocks.Api;

namespace Newcomers.Host.Demo;

public static class DemoExtensions
{
    /// <summary>
    /// Adds the demo seeder when configuration "Demo:Seed" is true (command line: --Demo:Seed=true),
    /// and the <see cref="DemoClock"/> its history is lived on. Tokens and cookies stay on the system
    /// clock: a token minted now is valid now, whatever day the services think it is.
    /// </summary>
    public static IServiceCollection AddDemoRegion(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Demo:Seed")) return services;
        services.AddSingleton<DemoClock>();
        services.Replace(ServiceDescriptor.Singleton<TimeProvider>(sp => sp.GetRequiredService<DemoClock>()));
        services.PostConfigureAll<JwtBearerOptions>(o => o.TimeProvider = TimeProvider.System)
            .PostConfigureAll<CookieAuthenticationOptions>(o => o.TimeProvider = TimeProvider.System)
            .PostConfigureAll<OpenIdConnectOptions>(o => o.TimeProvider = TimeProvider.System);
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
        services.AddStartupWork(DemoSeeder.Work);
        return services;
    }
}
