using System.Security.Claims;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Components.Authorization;
using Newcomers.Console.SignIn;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Services;

/// <summary>The three services' gRPC clients, calling as the signed-in user. The console has no other way to the data.</summary>
public sealed class ServiceClients
{
    /// <summary>The clients of a page, calling as the user of its circuit or request.</summary>
    public ServiceClients(ServiceChannels channels, AuthenticationStateProvider authentication)
        : this(channels, async () => (await authentication.GetAuthenticationStateAsync()).User)
    {
    }

    private ServiceClients(ServiceChannels channels, Func<Task<ClaimsPrincipal>> principal)
    {
        var credentials = CallCredentials.FromInterceptor(async (_, metadata) =>
        {
            var user = ConsoleUser.Of(await principal())
                ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "not signed in"));
            metadata.Add("authorization", $"Bearer {user.Token}");
        });
        CallInvoker Invoker(ServiceChannels.Target target) => target.Channel.Intercept(new UserCallCredentials(credentials, target.DaprAppId));
        Profiles = new ProfileService.ProfileServiceClient(Invoker(channels.Profiles));
        Opportunities = new OpportunityService.OpportunityServiceClient(Invoker(channels.Opportunities));
        Matching = new MatchingService.MatchingServiceClient(Invoker(channels.Matching));
        // Each service keeps its own audit log in the distributed mode; the standalone host keeps one.
        AuditLogs = channels.Profiles == channels.Matching ? [new(Invoker(channels.Profiles))]
            : [new(Invoker(channels.Profiles)), new(Invoker(channels.Matching))];
    }

    /// <summary>The clients of an HTTP request outside the pages (a download), calling as its user.</summary>
    public static ServiceClients For(ServiceChannels channels, ClaimsPrincipal user) => new(channels, () => Task.FromResult(user));

    public ProfileService.ProfileServiceClient Profiles { get; }
    public OpportunityService.OpportunityServiceClient Opportunities { get; }
    public MatchingService.MatchingServiceClient Matching { get; }

    /// <summary>The audit logs that record reads of newcomers: the Profiles and the Matching service's (one log in the standalone host).</summary>
    public IReadOnlyList<AuditService.AuditServiceClient> AuditLogs { get; }
}
