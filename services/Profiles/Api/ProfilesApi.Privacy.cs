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

/// <summary>The newcomer's rights and choices: consent, erasure, protected attributes (for fairness audits only).</summary>
public sealed partial class ProfilesApi
{
    public override async Task<Newcomer> UpdateConsent(UpdateConsentRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        new Violations().Id(request.Id, "id").Check(request.Consent is not null, "consent", ViolationReasons.Required, "required")
            .Check(request.Version >= 0, "version", ViolationReasons.OutOfRange, "0 or the version this change is based on").ThrowIfAny();
        return await Optimistic.RetryAsync(async () =>
        {
            var newcomer = await LoadAsync(request.Id, caller, context.CancellationToken);
            if (request.Version != 0 && request.Version != newcomer.Version) throw Errors.Aborted("newcomer", newcomer.Id, newcomer.Version);
            var stored = newcomer.Clone();
            newcomer.Consent = new Consent
            {
                Matching = request.Consent!.Matching, ShareWithProviders = request.Consent.ShareWithProviders, FairnessAudit = request.Consent.FairnessAudit, RecordedAt = clock.Now(),
            };
            newcomer.UpdateTime = newcomer.Consent.RecordedAt;
            // Without consent for fairness audits the protected attributes go, in the same commit.
            var changes = new ChangeSet();
            if (!newcomer.Consent.FairnessAudit && await store.GetVersionedAsync(ProfileStore.ProtectedAttributes, newcomer.Id, context.CancellationToken) is { } kept)
                ProfileStore.ProtectedAttributes.Delete(changes, newcomer.Id, kept.Version);
            await SaveAsync(newcomer, stored, context.CancellationToken, changes);
            await audit.ReadNewcomerAsync(caller, "UpdateConsent", newcomer.Id, Purposes.CaseManagement, context.CancellationToken);
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
            var changes = store.IdRegistry.Retire(new ChangeSet(), ProfileStore.Newcomers, newcomer.Id, newcomer.Version);
            // The newcomer is deleted at the version read: a change in between, with its history entries, fails this commit, which retries.
            await NewcomerHistory.EraseAsync(changes, store, newcomer.Id, context.CancellationToken);
            if (await store.GetVersionedAsync(ProfileStore.ProtectedAttributes, newcomer.Id, context.CancellationToken) is { } attributes)
                ProfileStore.ProtectedAttributes.Delete(changes, newcomer.Id, attributes.Version);
            changes.Publish(IntegrationEvents.Of(new NewcomerErased { NewcomerId = newcomer.Id, Version = newcomer.Version + 1 }));
            await store.CommitAsync(changes, context.CancellationToken);
        });
        try
        {
            await store.ScrubAsync(context.CancellationToken);
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
        if (request.Attributes is null) v.Add("attributes", ViolationReasons.Required, "required");
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
            var existing = await store.GetVersionedAsync(ProfileStore.ProtectedAttributes, request.Attributes.NewcomerId, context.CancellationToken);
            var changes = new ChangeSet();
            ProfileStore.PutNewcomer(changes, newcomer, newcomer.Clone());
            ProfileStore.ProtectedAttributes.Put(changes, request.Attributes, existing?.Version ?? 0);
            changes.Publish(Minimised.Changed(newcomer));
            await store.CommitAsync(changes, context.CancellationToken);
        });
        await audit.ReadNewcomerAsync(caller, "SetProtectedAttributes", request.Attributes!.NewcomerId, Purposes.FairnessAudit, context.CancellationToken);
        return request.Attributes!;
    }

    public override async Task<ProtectedAttributes> GetProtectedAttributes(GetProtectedAttributesRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin);
        new Violations().Id(request.NewcomerId, "newcomer_id").ThrowIfAny();
        var attributes = await store.GetAsync(ProfileStore.ProtectedAttributes, request.NewcomerId, context.CancellationToken)
            ?? throw Errors.NotFound("protected_attributes", request.NewcomerId);
        await audit.ReadNewcomerAsync(caller, "GetProtectedAttributes", request.NewcomerId, Purposes.FairnessAudit, context.CancellationToken);
        return attributes;
    }

    /// <summary>The right of access: everything held about the newcomer, for admins and the caseworkers of their municipality.</summary>
    public override async Task<NewcomerExport> ExportNewcomer(ExportNewcomerRequest request, ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        new Violations().Id(request.Id, "id").ThrowIfAny();
        var newcomer = await LoadAsync(request.Id, caller, context.CancellationToken);
        var export = new NewcomerExport
        {
            ExportedAt = clock.Now(), Newcomer = newcomer,
            ProtectedAttributes = await store.GetAsync(ProfileStore.ProtectedAttributes, newcomer.Id, context.CancellationToken),
        };
        var history = await matchHistory.OfAsync(newcomer.Id, context.CancellationToken);
        export.Matches.Add(history.Matches);
        export.Shown.Add(history.Shown);
        await foreach (var entry in store.StreamAsync(NewcomerHistory.Entries, NewcomerHistory.Of(newcomer.Id), context.CancellationToken)) export.History.Add(entry);
        await foreach (var entry in audit.AboutNewcomerAsync(newcomer.Id, context.CancellationToken)) export.AuditEntries.Add(entry);
        await audit.ReadNewcomerAsync(caller, "ExportNewcomer", newcomer.Id, Purposes.RightOfAccess, context.CancellationToken);
        return export;
    }
}
