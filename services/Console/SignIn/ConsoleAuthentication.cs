using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Newcomers.BuildingBlocks.Auth;

namespace Newcomers.Console.SignIn;

/// <summary>
/// Signing in to the console: a cookie that holds the user's access token, filled by the OIDC
/// provider (authorization code with PKCE) at Auth:Authority, or by the demo sign-in. A session ends
/// when its token does: the user goes back to sign-in, and then to the page they were on.
/// </summary>
public static class ConsoleAuthentication
{
    public const string Scheme = "console";
    public const string OidcScheme = "console-oidc";
    public const string Policy = "console";
    public const string SignInPath = "/aanmelden";

    public static IServiceCollection AddConsoleAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var console = configuration.GetSection(ConsoleOptions.Section).Get<ConsoleOptions>() ?? new ConsoleOptions();
        var authentication = services.AddAuthentication().AddCookie(Scheme, options =>
        {
            options.Cookie.Name = "matching-console";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.LoginPath = SignInPath;
            options.AccessDeniedPath = "/geen-toegang";
            options.Events.OnValidatePrincipal = context =>
            {
                // The API refuses an expired token, so the session ends with it.
                if (ConsoleUser.Of(context.Principal!) is not { } user || user.Expires <= DateTimeOffset.UtcNow) context.RejectPrincipal();
                return Task.CompletedTask;
            };
        });
        if (UsesOidc(configuration))
        {
            authentication.AddOpenIdConnect(OidcScheme, options =>
            {
                options.Authority = auth.Authority;
                options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                options.ClientId = console.ClientId;
                options.ClientSecret = console.ClientSecret;
                options.ResponseType = "code";
                options.UsePkce = true;
                options.SignInScheme = Scheme;
                options.MapInboundClaims = false;
                // Kept in the session, so that sign-out can name it to the provider (id_token_hint).
                options.SaveTokens = true;
                // Also over plain http on loopback; the console and the provider are the same site.
                options.CorrelationCookie.SameSite = options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.Scope.Clear();
                options.Scope.Add("openid");
                options.Scope.Add("profile");
                options.Events.OnRedirectToIdentityProvider = context =>
                {
                    // The access token must be for the API (resource indicators, RFC 8707).
                    context.ProtocolMessage.SetParameter("resource", $"urn:{auth.Audience}");
                    return Task.CompletedTask;
                };
                options.Events.OnTokenValidated = context =>
                {
                    var accessToken = context.TokenEndpointResponse?.AccessToken;
                    if (string.IsNullOrEmpty(accessToken)) context.Fail("the provider gave no access token");
                    else context.Principal = ConsoleUser.Principal(accessToken, context.Principal?.FindFirst("name")?.Value ?? "", Scheme);
                    return Task.CompletedTask;
                };
            });
        }
        services.AddAuthorizationBuilder().AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser());
        services.AddCascadingAuthenticationState();
        return services;
    }

    /// <summary>Whether people sign in at an OIDC provider: Auth:Authority and the console's client there (Console:ClientId).</summary>
    public static bool UsesOidc(IConfiguration configuration) =>
        !string.IsNullOrEmpty(configuration["Auth:Authority"]) && !string.IsNullOrEmpty(configuration["Console:ClientId"]);

    /// <summary>Sign-in at the OIDC provider, and sign-out (of the console, and of the provider when there is one).</summary>
    public static IEndpointRouteBuilder MapConsoleSignIn(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"{SignInPath}/oidc", (string? returnUrl) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOnly(returnUrl) }, [OidcScheme]));
        endpoints.MapPost("/afmelden", async (HttpContext context, IAntiforgery antiforgery, IAuthenticationSchemeProvider schemes) =>
        {
            await antiforgery.ValidateRequestAsync(context);
            if (await schemes.GetSchemeAsync(OidcScheme) is null)
            {
                await context.SignOutAsync(Scheme);
                return Results.LocalRedirect($"{SignInPath}?afgemeld=1");
            }
            return Results.SignOut(new AuthenticationProperties { RedirectUri = $"{SignInPath}?afgemeld=1" }, [Scheme, OidcScheme]);
        }).DisableAntiforgery().RequireAuthorization(Policy); // the antiforgery token belongs to the signed-in user
        return endpoints;
    }

    /// <summary>A return address within the console, else its start page.</summary>
    public static string LocalOnly(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal) && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl : "/";
}
