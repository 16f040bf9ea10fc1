using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Csv;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Opportunities.Csv;
using Newcomers.Opportunities.Domain;
using Newcomers.Opportunities.Storage;

namespace Newcomers.Opportunities.Api;

/// <summary>
/// ImportOpportunities, through the shared <see cref="CsvImport"/>: every row checked by the rules of
/// CreateOpportunity, of a provider the caller manages, and written as a create writes it. A row with an
/// extern_id becomes a feed item of its provider, as SyncOpportunities would have made it.
/// </summary>
public sealed partial class OpportunitiesApi
{
    public override Task ImportOpportunities(IAsyncStreamReader<CsvImportRequest> requestStream, IServerStreamWriter<CsvImportProgress> responseStream,
        ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Provider, Roles.Platform);
        var seen = new ImportSeen();
        var rows = new CsvRows<Opportunity>(OpportunityColumns.All, OpportunityColumns.Required,
            (row, cell, errors, ct) => CheckRowAsync(row, cell, caller, seen, errors, ct), AddNew, Conflict);
        return CsvImport.RunAsync(rows, store, requestStream, responseStream, context.CancellationToken);
    }

    /// <summary>The ids, external ids and providers an import has met so far.</summary>
    private sealed class ImportSeen
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);
        public HashSet<string> ExternalKeys { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, bool> ProviderExists { get; } = new(StringComparer.Ordinal);
    }

    /// <summary>The opportunity of the row if it is good; otherwise its errors are added. A row of a provider the caller does not manage ends the import.</summary>
    private async Task<Opportunity?> CheckRowAsync(int row, Func<string, string> cell, Caller caller, ImportSeen seen, List<CsvRowError> errors, CancellationToken ct)
    {
        var v = new Violations();
        var opportunity = OpportunityRecord.Read(cell, v);
        OpportunityRules.Validate(opportunity, "opportunity", v);
        if (Rules.IsId(opportunity.ProviderId) && !await ProviderExistsAsync(row, opportunity.ProviderId, caller, seen, ct))
            v.Add("opportunity.provider_id", ViolationReasons.UnknownProvider, "the id of a provider");
        v.OptionalId(opportunity.Id, "opportunity_id");
        if (opportunity.Id.Length > 0 && Rules.IsId(opportunity.Id) && (!seen.Ids.Add(opportunity.Id) || await IdTakenAsync(opportunity.Id, ct)))
            v.Add("opportunity_id", ViolationReasons.Duplicate, "an id no other opportunity has, or none");
        if (opportunity.ExternalId.Length > 0 && !v.ExternalId(opportunity.ExternalId, "opportunity.external_id").Any)
        {
            var key = OpportunityStore.ExternalKey(opportunity.ProviderId, opportunity.ExternalId);
            if (!seen.ExternalKeys.Add(key) || await store.GetClaimOwnerAsync(key, ct) is not null)
                v.Add("opportunity.external_id", ViolationReasons.Duplicate, "an external_id no other opportunity of the provider has, or none");
        }
        if (v.Any)
        {
            errors.AddRange(CsvRowErrors.Of(row, v, OpportunityColumns.Map));
            return null;
        }
        opportunity.Id = opportunity.Id.Length > 0 ? opportunity.Id : Ids.New();
        opportunity.CreateTime = opportunity.UpdateTime = clock.Now();
        if (opportunity.Status == OpportunityStatus.Unspecified) opportunity.Status = OpportunityStatus.Open;
        return opportunity;
    }

    /// <summary>Whether the provider exists (once per provider); PERMISSION_DENIED, before anything is written, for one the caller does not manage.</summary>
    private async Task<bool> ProviderExistsAsync(int row, string providerId, Caller caller, ImportSeen seen, CancellationToken ct)
    {
        if (seen.ProviderExists.TryGetValue(providerId, out var exists)) return exists;
        var provider = await store.GetAsync(OpportunityStore.Providers, providerId, ct);
        if (provider is not null && !Manages(caller, provider)) throw Caller.Denied($"row {row}: not a provider of yours; nothing was written");
        return seen.ProviderExists[providerId] = provider is not null;
    }

    private async Task<bool> IdTakenAsync(string id, CancellationToken ct) =>
        await store.GetAsync(OpportunityStore.Opportunities, id, ct) is not null || await store.IdRegistry.UsedBeforeKeyedMarkersAsync(OpportunityStore.Opportunities, id, ct);

    /// <summary>The row's error when its own commit failed: its provider was deleted, or its id or external_id was taken meanwhile.</summary>
    private IEnumerable<CsvRowError> Conflict(int row, Opportunity opportunity, Exception conflict)
    {
        var v = conflict switch
        {
            UniqueConflictException { Owner: "retired" } retired when retired.Key.EndsWith(store.Markers.Of(opportunity.ProviderId), StringComparison.Ordinal) =>
                new Violations().Add("opportunity.provider_id", ViolationReasons.UnknownProvider, "the id of a provider"),
            UniqueConflictException unique when unique.Key == OpportunityStore.ExternalKey(opportunity.ProviderId, opportunity.ExternalId) =>
                new Violations().Add("opportunity.external_id", ViolationReasons.Duplicate, "an external_id no other opportunity of the provider has, or none"),
            _ => new Violations().Add("opportunity_id", ViolationReasons.Duplicate, "an id no other opportunity has, or none"),
        };
        return CsvRowErrors.Of(row, v, OpportunityColumns.Map);
    }
}
