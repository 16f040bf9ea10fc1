using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Contact;

/// <summary>
/// The Profiles service's GetNewcomerContact, over a channel made on first use (directly, or
/// through a Dapr sidecar with the app id in the metadata). Without a way to reach the Profiles
/// service, or when it fails, GetMatchContact is UNAVAILABLE; a newcomer it does not know is null.
/// </summary>
public sealed class GrpcContactSource(Func<ServiceChannel> connect) : IContactSource
{
    private readonly Lazy<ServiceChannel?> channel = new(() =>
    {
        try
        {
            return connect();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    });

    public async Task<NewcomerContact?> OfAsync(string newcomerId, CancellationToken cancellationToken)
    {
        var profiles = channel.Value ?? throw new RpcException(new Status(StatusCode.Unavailable,
            "the Profiles service cannot be reached: set Matching:ProfilesAddress or give this service a Dapr sidecar"));
        try
        {
            return await new ProfileService.ProfileServiceClient(profiles.Channel).GetNewcomerContactAsync(new GetNewcomerContactRequest { NewcomerId = newcomerId },
                profiles.Headers, cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
        catch (RpcException e) when (e.StatusCode != StatusCode.Cancelled)
        {
            // The caller did nothing wrong: whatever the Profiles service answered, it is this service that cannot answer now.
            throw new RpcException(new Status(StatusCode.Unavailable, $"the Profiles service did not give the contact ({e.StatusCode})"));
        }
    }
}
