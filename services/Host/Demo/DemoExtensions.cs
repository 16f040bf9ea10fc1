using Newcomers.BuildingBlocks.Api;

namespace Newcomers.Host.Demo;

public static class DemoExtensions
{
    /// <summary>Adds the demo seeder when configuration "Demo:Seed" is true (command line: --Demo:Seed=true).</summary>
    public static IServiceCollection AddDemoRegion(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue<bool>("Demo:Seed")) return services;
        services.AddSingleton<DemoSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoSeeder>());
        services.AddStartupWork(DemoSeeder.Work);
        return services;
    }
}
