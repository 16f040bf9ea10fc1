using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Domain;
using Newcomers.Opportunities.Storage;

namespace Newcomers.Opportunities.Api;

/// <summary>
/// The gRPC face of the Opportunities service. Providers and opportunities are public postings:
/// every role reads them. Only an opportunity's provider, its platform or an admin changes it
/// (PERMISSION_DENIED for anyone else).
/// </summary>
public sealed partial class OpportunitiesApi(OpportunityStore store, Pages pages, TimeProvider clock) : OpportunityService.OpportunityServiceBase
{
    private const int MaxBatch = 1000;

    public override async Task<Opportunity> CreateOpportunity(CreateOpportunityRequest request, ServerCallContext context) =>
        (await CreateAsync([request], "", Caller.Of(context), context.CancellationToken))[0];

    public override async Task<BatchCreateOpportunitiesResponse> BatchCreateOpportunities(BatchCreateOpportunitiesRequest request, ServerCallContext context)
    {
        new Violations().Count(request.Requests.Count, "requests", MaxBatch, $"one to {MaxBatch} requests").ThrowIfAny();
        return new BatchCreateOpportunitiesResponse { Opportunities = { await CreateAsync(request.Requests, "requests", Caller.Of(context), context.CancellationToken) } };
    }

    public override async Task<Opportunity> GetOpportunity(GetOpportunityRequest request, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.Records);
        new Violations().Id(request.Id, "id").ThrowIfAny();
        return await LoadAsync(request.Id, context.CancellationToken);
    }

    public override async Task<Opportunity> UpdateOpportunity(UpdateOpportunityRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        OpportunityRules.OpportunityUpdate.CheckRequest(request.Opportunity, request.UpdateMask);
        var current = await LoadAsync(request.Opportunity!.Id, context.CancellationToken);
        await RequireManagerAsync(caller, current.ProviderId, context.CancellationToken);
        var updated = OpportunityRules.OpportunityUpdate.Apply(current, request.Opportunity, request.UpdateMask);
        if (updated.Status == OpportunityStatus.Unspecified) updated.Status = OpportunityStatus.Open;
        updated.UpdateTime = clock.Now();
        var changes = new ChangeSet();
        Save(changes, updated, current.Version);
        await store.CommitAsync(changes, context.CancellationToken);
        return updated;
    }

    public override async Task<ListOpportunitiesResponse> ListOpportunities(ListOpportunitiesRequest request, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.Records);
        var v = new Violations().PageSize(request.PageSize);
        if (request.ProviderId.Length > 0) v.Id(request.ProviderId, "provider_id");
        if (request.MunicipalityCode.Length > 0) v.Municipality(request.MunicipalityCode, "municipality_code");
        v.Check(request.ProviderId.Length == 0 || request.MunicipalityCode.Length == 0, "municipality_code", ViolationReasons.ConflictingFields, "give provider_id or municipality_code, not both")
            .Check(System.Enum.IsDefined(request.Kind), "kind", ViolationReasons.InvalidChoice, "an OpportunityKind, or OPPORTUNITY_KIND_UNSPECIFIED for any");
        var caller = Caller.Of(context);
        var query = $"ListOpportunities\n{request.ProviderId}\n{request.MunicipalityCode}\n{request.Kind}\n{request.OnlyOpen}";
        v.PageToken(pages.TryRead(request.PageToken, caller, query, out var after)).ThrowIfAny();

        IndexEntry? index = request.ProviderId.Length > 0 ? new("provider", request.ProviderId)
            : request.MunicipalityCode.Length > 0 ? new("municipality", request.MunicipalityCode) : null;
        var (items, last) = await store.ListAsync(OpportunityStore.Opportunities, index, Pages.Size(request.PageSize), after,
            o => (request.Kind == OpportunityKind.Unspecified || o.Kind == request.Kind) && (!request.OnlyOpen || o.Status != OpportunityStatus.Closed),
            cancellationToken: context.CancellationToken);
        return new ListOpportunitiesResponse { Opportunities = { items }, NextPageToken = pages.Next(caller, query, last) };
    }

    public override async Task<Empty> DeleteOpportunity(DeleteOpportunityRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        new Violations().Id(request.Id, "id").ThrowIfAny();
        var opportunity = await LoadAsync(request.Id, context.CancellationToken);
        await RequireManagerAsync(caller, opportunity.ProviderId, context.CancellationToken);
        var changes = store.IdRegistry.Retire(new ChangeSet(), OpportunityStore.Opportunities, opportunity.Id, opportunity.Version)
            .Free(OpportunityStore.OwnedKey(opportunity.ProviderId))
            .Publish(IntegrationEvents.Of(new OpportunityDeleted { OpportunityId = opportunity.Id, Version = opportunity.Version + 1 }));
        if (opportunity.ExternalId.Length > 0) changes.Release(OpportunityStore.ExternalKey(opportunity.ProviderId, opportunity.ExternalId));
        await store.CommitAsync(changes, context.CancellationToken);
        return new Empty();
    }

    public override async Task StreamOpportunities(StreamOpportunitiesRequest request, IServerStreamWriter<Opportunity> responseStream, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.Admin, Roles.Service);
        await foreach (var opportunity in store.StreamAsync(OpportunityStore.Opportunities, cancellationToken: context.CancellationToken))
            await responseStream.WriteAsync(opportunity, context.CancellationToken);
    }

    public override async Task StreamProviders(StreamProvidersRequest request, IServerStreamWriter<Provider> responseStream, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.Admin, Roles.Service);
        await foreach (var provider in store.StreamAsync(OpportunityStore.Providers, cancellationToken: context.CancellationToken))
            await responseStream.WriteAsync(provider, context.CancellationToken);
    }

    /// <summary>Validates every request, checks the providers exist, then creates all in one commit.</summary>
    private async Task<List<Opportunity>> CreateAsync(IList<CreateOpportunityRequest> requests, string prefix, Caller caller, CancellationToken cancellationToken)
    {
        caller.Require(Roles.Admin, Roles.Provider, Roles.Platform);
        var v = new Violations();
        var ids = new HashSet<string>();
        for (var i = 0; i < requests.Count; i++)
        {
            var at = prefix.Length == 0 ? "" : $"{prefix}[{i}].";
            v.OptionalId(requests[i].OpportunityId, $"{at}opportunity_id");
            v.Check(requests[i].OpportunityId.Length == 0 || ids.Add(requests[i].OpportunityId), $"{at}opportunity_id", ViolationReasons.Duplicate, "given twice in one batch");
            if (requests[i].Opportunity is null) v.Add($"{at}opportunity", ViolationReasons.Required, "required");
            else OpportunityRules.Validate(requests[i].Opportunity, $"{at}opportunity", v);
        }
        v.ThrowIfAny();

        foreach (var providerId in requests.Select(r => r.Opportunity.ProviderId).Distinct())
            await RequireManagerAsync(caller, providerId, cancellationToken);
        foreach (var given in requests.Where(r => r.OpportunityId.Length > 0))
            if (await store.IdRegistry.UsedBeforeKeyedMarkersAsync(OpportunityStore.Opportunities, given.OpportunityId, cancellationToken))
                throw Errors.AlreadyExists("opportunity", given.OpportunityId);

        var changes = new ChangeSet();
        var created = requests.Select(r =>
        {
            var opportunity = r.Opportunity.Clone();
            opportunity.Id = r.OpportunityId.Length > 0 ? r.OpportunityId : Ids.New();
            opportunity.ExternalId = ""; // SyncOpportunities' key alone
            opportunity.CreateTime = opportunity.UpdateTime = clock.Now();
            if (opportunity.Status == OpportunityStatus.Unspecified) opportunity.Status = OpportunityStatus.Open;
            AddNew(changes, opportunity);
            return opportunity;
        }).ToList();
        try
        {
            await store.CommitAsync(changes, cancellationToken);
        }
        catch (ConcurrencyConflictException conflict)
        {
            throw Errors.AlreadyExists("opportunity", conflict.Id);
        }
        catch (UniqueConflictException conflict) when (conflict.Owner == "retired" && requests.Any(r => conflict.Key.EndsWith(store.Markers.Of(r.Opportunity.ProviderId), StringComparison.Ordinal)))
        {
            throw Errors.NotFound("provider", requests.First(r => conflict.Key.EndsWith(store.Markers.Of(r.Opportunity.ProviderId), StringComparison.Ordinal)).Opportunity.ProviderId);
        }
        catch (UniqueConflictException)
        {
            throw Errors.AlreadyExists("opportunity", "an id given was used before");
        }
        return created;
    }

    /// <summary>NOT_FOUND for an unknown provider; PERMISSION_DENIED unless the caller manages it.</summary>
    private async Task RequireManagerAsync(Caller caller, string providerId, CancellationToken cancellationToken)
    {
        var provider = await LoadProviderAsync(providerId, cancellationToken);
        if (!Manages(caller, provider)) throw Caller.Denied("not a provider of yours");
    }

    /// <summary>
    /// A new opportunity in a commit: its id, its place among its provider's (so that a provider deleted
    /// meanwhile fails the commit), the claim on its external_id if it has one, and its event.
    /// </summary>
    private ChangeSet AddNew(ChangeSet changes, Opportunity opportunity)
    {
        store.IdRegistry.Take(changes, OpportunityStore.Opportunities, opportunity.Id);
        store.IdRegistry.Take(changes, OpportunityStore.Providers, opportunity.ProviderId)
            .Reserve(OpportunityStore.OwnedKey(opportunity.ProviderId), long.MaxValue);
        if (opportunity.ExternalId.Length > 0) changes.Claim(OpportunityStore.ExternalKey(opportunity.ProviderId, opportunity.ExternalId), opportunity.Id);
        Save(changes, opportunity, 0);
        return changes;
    }

    private static void Save(ChangeSet changes, Opportunity opportunity, long expectedVersion)
    {
        OpportunityStore.Opportunities.Put(changes, opportunity, expectedVersion);
        changes.Publish(IntegrationEvents.Of(new OpportunityChanged { Opportunity = opportunity }));
    }

    private async Task<Opportunity> LoadAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(OpportunityStore.Opportunities, id, cancellationToken) ?? throw Errors.NotFound("opportunity", id);
}
