using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Events;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Domain;
using Newcomers.Profiles.Export;
using Newcomers.Profiles.Monitoring;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Api;

/// <summary>
/// The gRPC face of the Profiles service: the caller's role, validation at the edge, then the
/// store. Caseworkers (and, read-only, coordinators) see the newcomers of their municipalities; a
/// newcomer outside them is NOT_FOUND, as if it did not exist. Protected attributes are for admins.
/// </summary>
public sealed partial class ProfilesApi(ProfileStore store, PostcodeTable postcodes, AuditTrail audit, Pages pages, TimeProvider clock, IMatchHistorySource matchHistory,
    IMatchFactsSource matchFacts, Microsoft.Extensions.Options.IOptions<MonitoringOptions> monitoring, Fairness.AttributesForAudit attributesForAudit, ILogger<ProfilesApi> logger)
    : ProfileService.ProfileServiceBase
{
    public override async Task<Newcomer> CreateNewcomer(CreateNewcomerRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        var v = new Violations().OptionalId(request.NewcomerId, "newcomer_id");
        var newcomer = request.Newcomer?.Clone();
        if (newcomer is null)
        {
            v.Add("newcomer", ViolationReasons.Required, "required");
        }
        else
        {
            if (HomeFromPostcode.ForCreate(newcomer) is { } postcode) newcomer.Home = await CentroidAsync(postcode, v, context.CancellationToken);
            NewcomerRules.Validate(newcomer, "newcomer", v);
        }
        v.ThrowIfAny();
        if (!caller.CoversMunicipality(newcomer!.MunicipalityCode)) throw Caller.Denied("not a municipality of yours");

        newcomer.Id = request.NewcomerId.Length > 0 ? request.NewcomerId : Ids.New();
        newcomer.CreateTime = newcomer.UpdateTime = clock.Now();
        newcomer.Consent ??= new Consent();
        newcomer.Consent.RecordedAt = newcomer.CreateTime;
        if (newcomer.Status == NewcomerStatus.Unspecified) newcomer.Status = NewcomerStatus.Active;
        if (request.NewcomerId.Length > 0 && await store.IdRegistry.UsedBeforeKeyedMarkersAsync(ProfileStore.Newcomers, newcomer.Id, context.CancellationToken))
            throw Errors.AlreadyExists("newcomer", newcomer.Id);
        try
        {
            await SaveAsync(newcomer, null, context.CancellationToken, store.IdRegistry.Take(new ChangeSet(), ProfileStore.Newcomers, newcomer.Id));
        }
        catch (Exception exception) when (exception is ConcurrencyConflictException or UniqueConflictException)
        {
            throw Errors.AlreadyExists("newcomer", newcomer.Id);
        }
        return newcomer;
    }

    public override async Task<Newcomer> GetNewcomer(GetNewcomerRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker, Roles.Coordinator);
        new Violations().Id(request.Id, "id").ThrowIfAny();
        var newcomer = await LoadAsync(request.Id, caller, context.CancellationToken);
        await audit.ReadNewcomerAsync(caller, "GetNewcomer", newcomer.Id, Purposes.CaseManagement, context.CancellationToken);
        return newcomer;
    }

    public override async Task<Newcomer> UpdateNewcomer(UpdateNewcomerRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        NewcomerRules.Update.CheckRequest(request.Newcomer, request.UpdateMask);
        var current = await LoadAsync(request.Newcomer!.Id, caller, context.CancellationToken);
        var (change, mask, found) = (request.Newcomer.Clone(), request.UpdateMask, new Violations());
        if (HomeFromPostcode.ForUpdate(current, change, mask) is { } postcode && await CentroidAsync(postcode, found, context.CancellationToken) is { } centroid)
            mask = HomeFromPostcode.WithHome(change, mask, centroid);
        var updated = NewcomerRules.Update.Apply(current, change, mask, found);
        if (!caller.CoversMunicipality(updated.MunicipalityCode)) throw Caller.Denied("not a municipality of yours");
        if (updated.Status == NewcomerStatus.Unspecified) updated.Status = NewcomerStatus.Active;
        updated.UpdateTime = clock.Now();
        await SaveAsync(updated, current, context.CancellationToken);
        await audit.ReadNewcomerAsync(caller, "UpdateNewcomer", updated.Id, Purposes.CaseManagement, context.CancellationToken);
        return updated;
    }

    public override async Task StreamNewcomers(StreamNewcomersRequest request, IServerStreamWriter<Newcomer> responseStream, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Service);
        // Audited a chunk at a time: one commit of entries for every 500 newcomers sent.
        var chunk = new List<Newcomer>(500);
        await foreach (var newcomer in store.StreamAsync(ProfileStore.Newcomers, cancellationToken: context.CancellationToken))
        {
            chunk.Add(newcomer);
            if (chunk.Count == chunk.Capacity) await SendAsync();
        }
        await SendAsync();

        async Task SendAsync()
        {
            await audit.ReadNewcomersAsync(caller, "StreamNewcomers", chunk.Select(n => n.Id), Purposes.ReadModel, context.CancellationToken);
            foreach (var newcomer in chunk) await responseStream.WriteAsync(Minimised.ForOtherServices(newcomer), context.CancellationToken);
            chunk.Clear();
        }
    }

    /// <summary>The newcomer, if it exists and the caller covers its municipality; NOT_FOUND otherwise, either way.</summary>
    private async Task<Newcomer> LoadAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var newcomer = await store.GetAsync(ProfileStore.Newcomers, id, cancellationToken);
        return newcomer is not null && caller.CoversMunicipality(newcomer.MunicipalityCode) ? newcomer : throw Errors.NotFound("newcomer", id);
    }

    /// <summary>Writes the newcomer over the stored one (null on create), with its history entries and its NewcomerChanged event.</summary>
    private Task SaveAsync(Newcomer newcomer, Newcomer? stored, CancellationToken cancellationToken, ChangeSet? with = null)
    {
        var changes = ProfileStore.PutNewcomer(with ?? new ChangeSet(), newcomer, stored);
        changes.Publish(Minimised.Changed(newcomer));
        return store.CommitAsync(changes, cancellationToken);
    }
}
