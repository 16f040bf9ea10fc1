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

/// <summary>Providers: the organisations that own opportunities.</summary>
public sealed partial class OpportunitiesApi
{
    public override async Task<Provider> CreateProvider(CreateProviderRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Platform);
        var v = new Violations().OptionalId(request.ProviderId, "provider_id");
        if (request.Provider is null) v.Add("provider", ViolationReasons.Required, "required");
        else OpportunityRules.Validate(request.Provider, "provider", v);
        v.ThrowIfAny();
        if (!Manages(caller, request.Provider!)) throw Caller.Denied("a platform registers only providers it represents (platform_id)");

        var provider = request.Provider!.Clone();
        provider.Id = request.ProviderId.Length > 0 ? request.ProviderId : Ids.New();
        provider.CreateTime = provider.UpdateTime = clock.Now();
        if (request.ProviderId.Length > 0 && await store.IdRegistry.UsedBeforeKeyedMarkersAsync(OpportunityStore.Providers, provider.Id, context.CancellationToken))
            throw Errors.AlreadyExists("provider", provider.Id);
        var changes = store.IdRegistry.Take(new ChangeSet(), OpportunityStore.Providers, provider.Id);
        OpportunityStore.Providers.Put(changes, provider, 0);
        changes.Publish(IntegrationEvents.Of(new ProviderChanged { Provider = provider }));
        try
        {
            await store.CommitAsync(changes, context.CancellationToken);
        }
        catch (Exception exception) when (exception is ConcurrencyConflictException or UniqueConflictException)
        {
            throw Errors.AlreadyExists("provider", provider.Id);
        }
        return provider;
    }

    public override async Task<Provider> GetProvider(GetProviderRequest request, ServerCallContext context)
    {
        Caller.Of(context).Require(Roles.Records);
        new Violations().Id(request.Id, "id").ThrowIfAny();
        return await LoadProviderAsync(request.Id, context.CancellationToken);
    }

    public override async Task<Provider> UpdateProvider(UpdateProviderRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        OpportunityRules.ProviderUpdate.CheckRequest(request.Provider, request.UpdateMask);
        var current = await LoadProviderAsync(request.Provider!.Id, context.CancellationToken);
        if (!Manages(caller, current)) throw Caller.Denied("not a provider of yours");
        var updated = OpportunityRules.ProviderUpdate.Apply(current, request.Provider, request.UpdateMask);
        if (!Manages(caller, updated)) throw Caller.Denied("not a provider of yours");
        // The platform's matches flow to it: a provider cannot attach itself to one.
        if (updated.PlatformId != current.PlatformId && !caller.IsAdmin && caller.Role != Roles.Platform)
            throw Caller.Denied("only the platform or an admin sets platform_id");
        updated.UpdateTime = clock.Now();
        var changes = new ChangeSet();
        OpportunityStore.Providers.Put(changes, updated, current.Version);
        changes.Publish(IntegrationEvents.Of(new ProviderChanged { Provider = updated }));
        await store.CommitAsync(changes, context.CancellationToken);
        return updated;
    }

    public override async Task<ListProvidersResponse> ListProviders(ListProvidersRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Records);
        const string query = "ListProviders";
        new Violations().PageSize(request.PageSize).PageToken(pages.TryRead(request.PageToken, caller, query, out var after)).ThrowIfAny();
        var (items, last) = await store.ListAsync(OpportunityStore.Providers, null, Pages.Size(request.PageSize), after,
            cancellationToken: context.CancellationToken);
        return new ListProvidersResponse { Providers = { items }, NextPageToken = pages.Next(caller, query, last) };
    }

    public override async Task<Empty> DeleteProvider(DeleteProviderRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Platform);
        new Violations().Id(request.Id, "id").ThrowIfAny();
        var provider = await LoadProviderAsync(request.Id, context.CancellationToken);
        if (!Manages(caller, provider)) throw Caller.Denied("not a provider of yours");
        try
        {
            // The count of its opportunities must be zero (a reservation with limit 1 fails otherwise) in the same commit
            // that deletes it, so an opportunity created meanwhile makes one of the two fail.
            var changes = new ChangeSet().Reserve(OpportunityStore.OwnedKey(provider.Id), 1);
            store.IdRegistry.Retire(changes, OpportunityStore.Providers, provider.Id, provider.Version);
            await store.CommitAsync(changes, context.CancellationToken);
        }
        catch (CapacityExceededException)
        {
            throw Errors.FailedPrecondition("PROVIDER_HAS_OPPORTUNITIES", $"providers/{provider.Id}", "delete the provider's opportunities first");
        }
        return new Empty();
    }

    private static bool Manages(Caller caller, Provider provider) => caller.ManagesProvider(provider.Id, provider.PlatformId);

    private async Task<Provider> LoadProviderAsync(string id, CancellationToken cancellationToken) =>
        await store.GetAsync(OpportunityStore.Providers, id, cancellationToken) ?? throw Errors.NotFound("provider", id);
}
