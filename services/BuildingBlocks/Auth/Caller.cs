using System.Security.Claims;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace Newcomers.BuildingBlocks.Auth;

/// <summary>Who calls, from their token: a subject, one role, and the scope the role applies to.</summary>
public sealed record Caller(string Subject, string Role, IReadOnlySet<string> Municipalities, IReadOnlySet<string> Providers, string Platform)
{
    public bool IsAdmin => Role == Roles.Admin;

    /// <summary>Staff who may see newcomers of a municipality: admins, and caseworkers and coordinators of it.</summary>
    public bool CoversMunicipality(string municipality) =>
        IsAdmin || Role is Roles.Caseworker or Roles.Coordinator && Municipalities.Contains(municipality);

    /// <summary>Who may see the monitoring figures (aggregates) of a municipality: admins, and its policy staff, caseworkers and coordinators.</summary>
    public bool SeesFiguresOf(string municipality) =>
        IsAdmin || Roles.Monitoring.Contains(Role) && Municipalities.Contains(municipality);

    /// <summary>Admins manage every provider; a provider itself; a platform the providers it represents (platform_id).</summary>
    public bool ManagesProvider(string providerId, string? platformOfProvider) =>
        IsAdmin || Role == Roles.Provider && Providers.Contains(providerId)
        || Role == Roles.Platform && Platform.Length > 0 && platformOfProvider == Platform;

    /// <summary>Fails with PERMISSION_DENIED unless the caller has one of the roles.</summary>
    public Caller Require(params string[] roles) =>
        roles.Contains(Role) ? this : throw Denied($"the role '{Role}' may not do this");

    public static RpcException Denied(string why) => new(new Status(StatusCode.PermissionDenied, why));

    /// <summary>Why a validly signed token still cannot be used, or null: it names no subject, or not exactly one role.</summary>
    public static string? Defect(ClaimsPrincipal user)
    {
        if (string.IsNullOrWhiteSpace(user.FindFirstValue("sub"))) return "the token names no subject (sub)";
        var roles = user.FindAll("role").Count();
        return roles == 1 ? null : $"the token must carry exactly one role; it carries {roles}";
    }

    public static Caller Of(ServerCallContext context) => Of(context.GetHttpContext().User);

    public static Caller Of(ClaimsPrincipal user) => new(
        user.FindFirstValue("sub") ?? "",
        user.FindFirstValue("role") ?? "",
        user.FindAll("municipality").Select(c => c.Value).ToHashSet(),
        user.FindAll("provider").Select(c => c.Value).ToHashSet(),
        user.FindFirstValue("platform") ?? "");
}
