using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace Newcomers.BuildingBlocks.Auth;

public static class AuthExtensions
{
    /// <summary>
    /// JWT bearer tokens: from an OIDC provider (Auth:Authority, Auth:Audience), or, without one,
    /// signed with the local key (Auth:SigningKey). Every service endpoint requires a valid token.
    /// </summary>
    public static IServiceCollection AddTokenAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        var auth = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            options.Events = new JwtBearerEvents
            {
                // A valid signature is not enough: the audit log needs a subject, and access one role.
                OnTokenValidated = context =>
                {
                    if (Caller.Defect(context.Principal!) is { } defect) context.Fail(defect);
                    return Task.CompletedTask;
                },
                OnChallenge = context =>
                {
                    // gRPC clients read a trailers-only answer's message; a bare 401 would tell them nothing.
                    if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true) return Task.CompletedTask;
                    context.HandleResponse();
                    context.Response.StatusCode = 200;
                    context.Response.ContentType = "application/grpc";
                    context.Response.Headers["grpc-status"] = "16";
                    context.Response.Headers["grpc-message"] = Uri.EscapeDataString(context.AuthenticateFailure is { } failure
                        ? failure is Microsoft.AspNetCore.Authentication.AuthenticationFailureException ? failure.Message : "the bearer token is not valid"
                        : "a bearer token is required");
                    return Task.CompletedTask;
                },
            };
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidAudience = auth.Audience, NameClaimType = "sub", RoleClaimType = "role", ClockSkew = TimeSpan.FromMinutes(1),
            };
            if (auth.Authority.Length > 0)
            {
                options.Authority = auth.Authority;
                options.Audience = auth.Audience;
                options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
                return;
            }
            if (auth.SigningKey.Length == 0) throw new InvalidOperationException("Set Auth:Authority (an OIDC provider) or Auth:SigningKey (a local key)");
            options.TokenValidationParameters.ValidIssuer = auth.Issuer;
            options.TokenValidationParameters.IssuerSigningKey = LocalTokens.Key(auth);
        });
        services.AddAuthorization();
        return services;
    }
}
