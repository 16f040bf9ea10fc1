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
        if (request.Provider is null) v.Add("provider", "required");
        else OpportunityRules.Validate(request.Provider, "provider", v);
        v.ThrowIfAny();
        if (!Manages(caller, request.Provider!)) throw Caller.Denied("a platform registers only providers it represents (platform_id)");

        var provider = request.Provider!.Clone();
        provider.Id = request.ProviderId.Length > 0 ? request.ProviderId : Ids.New();
        provider.CreateTime = provider.UpdateTime = Now();
        var changes = new ChangeSet().Take(OpportunityStore.Providers.Name, provider.Id);
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
        new Violations().Id(request.Id, "id").ThrowIfAny();
        return await LoadProviderAsync(request.Id, context.CancellationToken);
    }

    public override async Task<Provider> UpdateProvider(UpdateProviderRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        var v = new Violations();
        if (request.Provider is null) v.Add("provider", "required");
        else v.Id(request.Provider.Id, "provider.id").Check(request.Provider.Version > 0, "provider.version", "required: the version this change is based on");
        v.UpdateMask(request.UpdateMask, OpportunityRules.MutableProvider).ThrowIfAny();

        var current = await LoadProviderAsync(request.Provider!.Id, context.CancellationToken);
        if (!Manages(caller, current)) throw Caller.Denied("not a provider of yours");
        if (current.Version != request.Provider.Version) throw Errors.Aborted("provider", current.Id, current.Version);
        var updated = Masks.Apply(current, request.Provider, request.UpdateMask, OpportunityRules.MutableProvider);
        var check = new Violations();
        OpportunityRules.Validate(updated, "provider", check);
        check.ThrowIfAny();
        if (!Manages(caller, updated)) throw Caller.Denied("not a provider of yours");
        // The platform's matches flow to it: a provider cannot attach itself to one.
        if (updated.PlatformId != current.PlatformId && !caller.IsAdmin && caller.Role != Roles.Platform)
            throw Caller.Denied("only the platform or an admin sets platform_id");
        updated.UpdateTime = Now();
        var changes = new ChangeSet();
        OpportunityStore.Providers.Put(changes, updated, current.Version);
        changes.Publish(IntegrationEvents.Of(new ProviderChanged { Provider = updated }));
        await store.CommitAsync(changes, context.CancellationToken);
        return updated;
    }

    public override async Task<ListProvidersResponse> ListProviders(ListProvidersRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context);
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
            await store.CommitAsync(new ChangeSet().Reserve(OpportunityStore.OwnedKey(provider.Id), 1)
                .Delete(OpportunityStore.Providers.Name, provider.Id, provider.Version)
                .Retire(OpportunityStore.Providers.Name, provider.Id), context.CancellationToken);
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

    private static Timestamp Now() => Timestamp.FromDateTime(DateTime.UtcNow);
}
