using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Domain;
using Newcomers.Opportunities.Storage;

namespace Newcomers.Opportunities.Api;

/// <summary>
/// Bulk feeds of platforms: a header, then chunks of items (or, for clients that cannot stream, the
/// header's fields and one chunk in one message), planned against the provider's stored feed
/// items (<see cref="FeedPlan"/>) once the whole feed is in, and written in commits of at most 1000
/// changes. Only what differs is written, so a feed sent again writes nothing and publishes no event.
/// </summary>
public sealed partial class OpportunitiesApi
{
    private const int MaxFeedChunk = 1000, MaxFeedItems = 100_000;

    public override async Task<SyncOpportunitiesResponse> SyncOpportunities(IAsyncStreamReader<SyncOpportunitiesRequest> requestStream, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        var cancellationToken = context.CancellationToken;
        var header = await requestStream.MoveNext(cancellationToken) ? requestStream.Current.Header : null;
        var v = new Violations();
        if (header is null) v.Add("header", ViolationReasons.Required, "the first message of a feed is its header");
        else CheckWhose(v, header.ProviderId, header.Mode, "header.");
        v.ThrowIfAny();
        // Refused before the feed is read: a caller that may not write it does not get to send megabytes.
        await RequireManagerAsync(caller, header!.ProviderId, cancellationToken);
        var items = await ReadFeedAsync(requestStream, cancellationToken);
        return await SyncFeedAsync(header.ProviderId, header.Mode, items, cancellationToken);
    }

    public override async Task<SyncOpportunitiesResponse> SyncOpportunityFeed(SyncOpportunityFeedRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        CheckWhose(new Violations(), request.ProviderId, request.Mode, "")
            .Check(request.Items.Count <= MaxFeedChunk, "items", ViolationReasons.TooMany,
                $"at most {MaxFeedChunk} items in one message; a larger feed goes through SyncOpportunities")
            .ThrowIfAny();
        await RequireManagerAsync(caller, request.ProviderId, context.CancellationToken);
        return await SyncFeedAsync(request.ProviderId, request.Mode, request.Items, context.CancellationToken);
    }

    /// <summary>Whose feed it is and how it is meant: the rule of the stream's header and of the one message alike.</summary>
    private static Violations CheckWhose(Violations v, string providerId, SyncMode mode, string prefix) =>
        v.Id(providerId, $"{prefix}provider_id")
            .Check(mode is SyncMode.Full or SyncMode.Partial, $"{prefix}mode", ViolationReasons.InvalidChoice, "SYNC_MODE_FULL or SYNC_MODE_PARTIAL");

    /// <summary>Plans the whole feed against the provider's stored feed items and writes what differs: the one path of both feed RPCs.</summary>
    private async Task<SyncOpportunitiesResponse> SyncFeedAsync(string providerId, SyncMode mode, IReadOnlyList<Opportunity> items, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<string, Opportunity>(StringComparer.Ordinal);
        await foreach (var opportunity in store.StreamAsync(OpportunityStore.Opportunities, new IndexEntry("provider", providerId), cancellationToken))
            if (opportunity.ExternalId.Length > 0) stored[opportunity.ExternalId] = opportunity;
        var plan = FeedPlan.Of(providerId, mode, items, stored, clock.Now());
        await WriteFeedAsync(providerId, plan, cancellationToken);
        return plan.Response;
    }

    /// <summary>Every chunk after the header; a malformed stream is refused whole, before anything is written.</summary>
    private static async Task<List<Opportunity>> ReadFeedAsync(IAsyncStreamReader<SyncOpportunitiesRequest> requestStream, CancellationToken cancellationToken)
    {
        var items = new List<Opportunity>();
        while (await requestStream.MoveNext(cancellationToken))
        {
            var part = requestStream.Current;
            var v = new Violations();
            if (part.PartCase == SyncOpportunitiesRequest.PartOneofCase.Header)
                v.Add("header", ViolationReasons.NotAllowed, "only the first message of a feed is a header; every later one is a chunk");
            else if (part.PartCase == SyncOpportunitiesRequest.PartOneofCase.None)
                v.Add("chunk", ViolationReasons.Required, "every message after the header is a chunk");
            else v.Count(part.Chunk.Items.Count, "chunk.items", MaxFeedChunk, $"one to {MaxFeedChunk} items in a chunk")
                .Check(items.Count + part.Chunk.Items.Count <= MaxFeedItems, "chunk.items", ViolationReasons.TooMany, $"at most {MaxFeedItems} items in a feed");
            v.ThrowIfAny();
            items.AddRange(part.Chunk.Items);
        }
        return items;
    }

    /// <summary>The plan's writes in commits of at most <see cref="MaxFeedChunk"/> opportunities, each with its events.</summary>
    private async Task WriteFeedAsync(string providerId, FeedPlan plan, CancellationToken cancellationToken)
    {
        foreach (var part in plan.Writes.Chunk(MaxFeedChunk))
        {
            var changes = new ChangeSet();
            foreach (var (opportunity, expectedVersion) in part)
            {
                if (expectedVersion > 0)
                {
                    Save(changes, opportunity, expectedVersion);
                    continue;
                }
                opportunity.Id = Ids.New();
                AddNew(changes, opportunity);
            }
            try
            {
                await store.CommitAsync(changes, cancellationToken);
            }
            catch (UniqueConflictException conflict) when (conflict.Owner == "retired" && conflict.Key.EndsWith(store.Markers.Of(providerId), StringComparison.Ordinal))
            {
                throw Errors.NotFound("provider", providerId);
            }
            catch (Exception exception) when (exception is ConcurrencyConflictException or UniqueConflictException)
            {
                throw new RpcException(new Status(StatusCode.Aborted,
                    "the provider's opportunities changed while the feed was written; send it again (what was written comes back unchanged)"));
            }
        }
    }
}
