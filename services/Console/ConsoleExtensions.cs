using Newcomers.Console.Components;
using Newcomers.Console.Services;
using Newcomers.Console.SignIn;

namespace Newcomers.Console;

public static class ConsoleExtensions
{
    /// <summary>Registers the console: Razor components, signing in, and the services' clients that call as the user.</summary>
    public static IServiceCollection AddConsole(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleOptions>().BindConfiguration(ConsoleOptions.Section);
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddConsoleAuthentication(configuration);
        services.AddSingleton<DemoSignIn>();
        services.AddSingleton<ServiceChannels>();
        services.AddScoped<ServiceClients>();
        return services;
    }

    /// <summary>Serves the console on the process's HTTP/1.1 port; every page but sign-in needs a signed-in user.</summary>
    public static WebApplication MapConsole(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapConsoleSignIn();
        app.MapCsvDownloads();
        app.MapModelCardDownloads();
        // An address that is no page goes to the page that says so (after every other route).
        app.MapGet("{*path:nonfile}", () => Results.Redirect("/niet-gevonden")).WithOrder(int.MaxValue);
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(ConsoleAuthentication.Policy);
        return app;
    }
}
