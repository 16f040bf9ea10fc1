using Grpc.Core;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>Sends a feed through SyncOpportunities the way a platform does: the header, then chunks.</summary>
public static class Feeds
{
    public static Task<SyncOpportunitiesResponse> SendAsync(OpportunityService.OpportunityServiceClient client, string providerId, SyncMode mode,
        IEnumerable<Opportunity> items, int perChunk = 1000) =>
        SendPartsAsync(client, [new SyncOpportunitiesRequest { Header = new SyncHeader { ProviderId = providerId, Mode = mode } },
            .. items.Chunk(perChunk).Select(chunk => new SyncOpportunitiesRequest { Chunk = new SyncChunk { Items = { chunk } } })]);

    /// <summary>Sends the messages as they are, for feeds that are malformed on purpose.</summary>
    public static async Task<SyncOpportunitiesResponse> SendPartsAsync(OpportunityService.OpportunityServiceClient client, IEnumerable<SyncOpportunitiesRequest> parts)
    {
        using var call = client.SyncOpportunities();
        try
        {
            foreach (var part in parts) await call.RequestStream.WriteAsync(part);
            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException)
        {
            // The server answered before the feed was sent (refused it); its status comes with the response.
        }
        return await call.ResponseAsync;
    }

    /// <summary>A work placement of a feed, with its external id; provider_id is left to the header.</summary>
    public static Opportunity Item(string externalId, string title = "Taalstage bakkerij")
    {
        var item = Build.Placement("");
        item.ExternalId = externalId;
        item.Title = title;
        return item;
    }
}
