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
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Api;

/// <summary>
/// The gRPC face of the Profiles service: the caller's role, validation at the edge, then the
/// store. Caseworkers (and, read-only, coordinators) see the newcomers of their municipalities; a
/// newcomer outside them is NOT_FOUND, as if it did not exist. Protected attributes are for admins.
/// </summary>
public sealed class ProfilesApi(ProfileStore store, AuditTrail audit, Pages pages, ILogger<ProfilesApi> logger) : ProfileService.ProfileServiceBase
{
    public override async Task<Newcomer> CreateNewcomer(CreateNewcomerRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        var v = new Violations().OptionalId(request.NewcomerId, "newcomer_id");
        if (request.Newcomer is null) v.Add("newcomer", "required");
        else NewcomerRules.Validate(request.Newcomer, "newcomer", v);
        v.ThrowIfAny();
        if (!caller.CoversMunicipality(request.Newcomer!.MunicipalityCode)) throw Caller.Denied("not a municipality of yours");

        var newcomer = request.Newcomer!.Clone();
        newcomer.Id = request.NewcomerId.Length > 0 ? request.NewcomerId : Ids.New();
        newcomer.CreateTime = newcomer.UpdateTime = Now();
        newcomer.Consent ??= new Consent();
        newcomer.Consent.RecordedAt = newcomer.CreateTime;
        if (newcomer.Status == NewcomerStatus.Unspecified) newcomer.Status = NewcomerStatus.Active;
        try
        {
            await SaveAsync(newcomer, 0, context.CancellationToken, new ChangeSet().Take(ProfileStore.Newcomers.Name, newcomer.Id));
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
        audit.ReadNewcomer(caller, "GetNewcomer", newcomer.Id, Purposes.CaseManagement);
        return newcomer;
    }

    public override async Task<Newcomer> UpdateNewcomer(UpdateNewcomerRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        var v = new Violations();
        if (request.Newcomer is null) v.Add("newcomer", "required");
        else v.Id(request.Newcomer.Id, "newcomer.id").Check(request.Newcomer.Version > 0, "newcomer.version", "required: the version this change is based on");
        v.UpdateMask(request.UpdateMask, NewcomerRules.Mutable).ThrowIfAny();

        var current = await LoadAsync(request.Newcomer!.Id, caller, context.CancellationToken);
        if (current.Version != request.Newcomer.Version) throw Errors.Aborted("newcomer", current.Id, current.Version);
        var updated = Masks.Apply(current, request.Newcomer, request.UpdateMask, NewcomerRules.Mutable);
        var check = new Violations();
        NewcomerRules.Validate(updated, "newcomer", check);
        check.ThrowIfAny();
        if (!caller.CoversMunicipality(updated.MunicipalityCode)) throw Caller.Denied("not a municipality of yours");
        if (updated.Status == NewcomerStatus.Unspecified) updated.Status = NewcomerStatus.Active;
        updated.UpdateTime = Now();
        await SaveAsync(updated, current.Version, context.CancellationToken);
        audit.ReadNewcomer(caller, "UpdateNewcomer", updated.Id, Purposes.CaseManagement);
        return updated;
    }

    /// <summary>By municipality or caseworker; without either, a caseworker's or coordinator's own municipalities (everyone, for admins).</summary>
    public override async Task<ListNewcomersResponse> ListNewcomers(ListNewcomersRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker, Roles.Coordinator);
        var query = $"ListNewcomers\n{request.MunicipalityCode}\n{request.CaseworkerId}";
        var v = new Violations().PageSize(request.PageSize);
        if (request.MunicipalityCode.Length > 0) v.Municipality(request.MunicipalityCode, "municipality_code");
        if (request.CaseworkerId.Length > 0) v.Id(request.CaseworkerId, "caseworker_id");
        v.Check(request.MunicipalityCode.Length == 0 || request.CaseworkerId.Length == 0, "caseworker_id", "give municipality_code or caseworker_id, not both");
        v.PageToken(pages.TryRead(request.PageToken, caller, query, out var after)).ThrowIfAny();
        if (request.MunicipalityCode.Length > 0 && !caller.CoversMunicipality(request.MunicipalityCode)) throw Caller.Denied("not a municipality of yours");

        IndexEntry? index = request.CaseworkerId.Length > 0 ? new("caseworker", request.CaseworkerId)
            : request.MunicipalityCode.Length > 0 ? new("municipality", request.MunicipalityCode)
            : caller.Municipalities.Count == 1 && !caller.IsAdmin ? new("municipality", caller.Municipalities.Single()) : null;
        var (visible, last) = await store.ListAsync(ProfileStore.Newcomers, index, Pages.Size(request.PageSize), after,
            n => caller.CoversMunicipality(n.MunicipalityCode), cancellationToken: context.CancellationToken);
        foreach (var newcomer in visible) audit.ReadNewcomer(caller, "ListNewcomers", newcomer.Id, Purposes.CaseManagement);
        return new ListNewcomersResponse { Newcomers = { visible }, NextPageToken = pages.Next(caller, query, last) };
    }

    public override async Task<Newcomer> UpdateConsent(UpdateConsentRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        new Violations().Id(request.Id, "id").Check(request.Consent is not null, "consent", "required")
            .Check(request.Version >= 0, "version", "0 or the version this change is based on").ThrowIfAny();
        return await Optimistic.RetryAsync(async () =>
        {
            var newcomer = await LoadAsync(request.Id, caller, context.CancellationToken);
            if (request.Version != 0 && request.Version != newcomer.Version) throw Errors.Aborted("newcomer", newcomer.Id, newcomer.Version);
            var current = newcomer.Version;
            newcomer.Consent = new Consent
            {
                Matching = request.Consent!.Matching, ShareWithProviders = request.Consent.ShareWithProviders, FairnessAudit = request.Consent.FairnessAudit, RecordedAt = Now(),
            };
            newcomer.UpdateTime = newcomer.Consent.RecordedAt;
            // Without consent for fairness audits the protected attributes go, in the same commit.
            var changes = new ChangeSet();
            if (!newcomer.Consent.FairnessAudit
                && await store.Documents.GetAsync(ProfileStore.ProtectedAttributes.Name, newcomer.Id, context.CancellationToken) is { } kept)
                changes.Delete(ProfileStore.ProtectedAttributes.Name, newcomer.Id, kept.Version);
            await SaveAsync(newcomer, current, context.CancellationToken, changes);
            audit.ReadNewcomer(caller, "UpdateConsent", newcomer.Id, Purposes.CaseManagement);
            return newcomer;
        });
    }

    public override async Task<Empty> EraseNewcomer(EraseNewcomerRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        new Violations().Id(request.Id, "id").ThrowIfAny();
        await Optimistic.RetryAsync(async () =>
        {
            var newcomer = await LoadAsync(request.Id, caller, context.CancellationToken);
            var changes = new ChangeSet().Delete(ProfileStore.Newcomers.Name, newcomer.Id, newcomer.Version).Retire(ProfileStore.Newcomers.Name, newcomer.Id);
            var attributes = await store.Documents.GetAsync(ProfileStore.ProtectedAttributes.Name, newcomer.Id, context.CancellationToken);
            if (attributes is not null) changes.Delete(ProfileStore.ProtectedAttributes.Name, newcomer.Id, attributes.Version);
            changes.Publish(IntegrationEvents.Of(new NewcomerErased { NewcomerId = newcomer.Id, Version = newcomer.Version + 1 }));
            await store.CommitAsync(changes, context.CancellationToken);
        });
        try
        {
            await store.Documents.ScrubAsync(context.CancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The erasure is committed; the files are rewritten again at the next erasure or by the store itself.
            logger.LogWarning("Rewriting the store's files after an erasure failed ({ExceptionType})", exception.GetType().Name);
        }
        return new Empty();
    }

    public override async Task<ProtectedAttributes> SetProtectedAttributes(SetProtectedAttributesRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin);
        var v = new Violations();
        if (request.Attributes is null) v.Add("attributes", "required");
        else NewcomerRules.Validate(request.Attributes, "attributes", v);
        v.ThrowIfAny();
        await Optimistic.RetryAsync(async () =>
        {
            // Written with the newcomer at its current version, so an erasure in between makes one of the two fail and retry:
            // attributes never outlive their newcomer.
            var newcomer = await LoadAsync(request.Attributes!.NewcomerId, caller, context.CancellationToken);
            if (newcomer.Consent is not { FairnessAudit: true })
                throw Errors.FailedPrecondition("NO_FAIRNESS_AUDIT_CONSENT", $"newcomers/{newcomer.Id}",
                    "the newcomer has not consented to keeping protected attributes for fairness audits (consent.fairness_audit)");
            var existing = await store.Documents.GetAsync(ProfileStore.ProtectedAttributes.Name, request.Attributes.NewcomerId, context.CancellationToken);
            var changes = new ChangeSet();
            ProfileStore.Newcomers.Put(changes, newcomer, newcomer.Version);
            ProfileStore.ProtectedAttributes.Put(changes, request.Attributes, existing?.Version ?? 0);
            changes.Publish(Minimised.Changed(newcomer));
            await store.CommitAsync(changes, context.CancellationToken);
        });
        audit.ReadNewcomer(caller, "SetProtectedAttributes", request.Attributes!.NewcomerId, Purposes.FairnessAudit);
        return request.Attributes!;
    }

    public override async Task<ProtectedAttributes> GetProtectedAttributes(GetProtectedAttributesRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin);
        new Violations().Id(request.NewcomerId, "newcomer_id").ThrowIfAny();
        var attributes = await store.GetAsync(ProfileStore.ProtectedAttributes, request.NewcomerId, context.CancellationToken)
            ?? throw Errors.NotFound("protected_attributes", request.NewcomerId);
        audit.ReadNewcomer(caller, "GetProtectedAttributes", request.NewcomerId, Purposes.FairnessAudit);
        return attributes;
    }

    public override async Task StreamNewcomers(StreamNewcomersRequest request, IServerStreamWriter<Newcomer> responseStream, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Service);
        await foreach (var newcomer in store.StreamAsync(ProfileStore.Newcomers, cancellationToken: context.CancellationToken))
        {
            audit.ReadNewcomer(caller, "StreamNewcomers", newcomer.Id, Purposes.ReadModel);
            await responseStream.WriteAsync(Minimised.ForOtherServices(newcomer), context.CancellationToken);
        }
    }

    /// <summary>The newcomer, if it exists and the caller covers its municipality; NOT_FOUND otherwise, either way.</summary>
    private async Task<Newcomer> LoadAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        var newcomer = await store.GetAsync(ProfileStore.Newcomers, id, cancellationToken);
        return newcomer is not null && caller.CoversMunicipality(newcomer.MunicipalityCode) ? newcomer : throw Errors.NotFound("newcomer", id);
    }

    private Task SaveAsync(Newcomer newcomer, long expectedVersion, CancellationToken cancellationToken, ChangeSet? with = null)
    {
        var changes = with ?? new ChangeSet();
        ProfileStore.Newcomers.Put(changes, newcomer, expectedVersion);
        changes.Publish(Minimised.Changed(newcomer));
        return store.CommitAsync(changes, cancellationToken);
    }

    private static Timestamp Now() => Timestamp.FromDateTime(DateTime.UtcNow);
}
