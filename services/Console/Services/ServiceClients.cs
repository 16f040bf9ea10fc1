using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.AspNetCore.Components.Authorization;
using Newcomers.Console.SignIn;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Services;

/// <summary>The three services' gRPC clients, calling as the signed-in user. The console has no other way to the data.</summary>
public sealed class ServiceClients
{
    public ServiceClients(ServiceChannels channels, AuthenticationStateProvider authentication)
    {
        var credentials = CallCredentials.FromInterceptor(async (_, metadata) =>
        {
            var user = ConsoleUser.Of((await authentication.GetAuthenticationStateAsync()).User)
                ?? throw new RpcException(new Status(StatusCode.Unauthenticated, "not signed in"));
            metadata.Add("authorization", $"Bearer {user.Token}");
        });
        CallInvoker Invoker(ServiceChannels.Target target) => target.Channel.Intercept(new UserCallCredentials(credentials, target.DaprAppId));
        Profiles = new ProfileService.ProfileServiceClient(Invoker(channels.Profiles));
        Opportunities = new OpportunityService.OpportunityServiceClient(Invoker(channels.Opportunities));
        Matching = new MatchingService.MatchingServiceClient(Invoker(channels.Matching));
        Audit = new AuditService.AuditServiceClient(Invoker(channels.Profiles));
    }

    public ProfileService.ProfileServiceClient Profiles { get; }
    public OpportunityService.OpportunityServiceClient Opportunities { get; }
    public MatchingService.MatchingServiceClient Matching { get; }

    /// <summary>The audit log (each service keeps its own; the console shows the Profiles service's, where reads of newcomers are).</summary>
    public AuditService.AuditServiceClient Audit { get; }
}
