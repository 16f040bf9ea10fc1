using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.BuildingBlocks.Csv;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Csv;
using Newcomers.Profiles.Domain;
using Newcomers.Profiles.Storage;

namespace Newcomers.Profiles.Api;

/// <summary>
/// ImportNewcomers, through the shared <see cref="CsvImport"/>: every row checked by the rules of
/// CreateNewcomer, and each newcomer written with its id marker, first history entries and NewcomerChanged
/// event as a create has.
/// </summary>
public sealed partial class ProfilesApi
{
    public override Task ImportNewcomers(IAsyncStreamReader<CsvImportRequest> requestStream, IServerStreamWriter<CsvImportProgress> responseStream,
        ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rows = new CsvRows<Newcomer>(NewcomerColumns.All, NewcomerColumns.Required,
            (row, cell, errors, ct) => CheckRowAsync(row, cell, caller, ids, errors, ct), Add,
            (row, _, _) => CsvRowErrors.Of(row, new Violations().Add("newcomer_id", ViolationReasons.Duplicate, "an id no other newcomer has, or none"), NewcomerColumns.Map));
        return CsvImport.RunAsync(rows, store, requestStream, responseStream, context.CancellationToken);
    }

    /// <summary>The newcomer of the row if it is good; otherwise its errors are added. A row of a municipality not the caller's ends the import.</summary>
    private async Task<Newcomer?> CheckRowAsync(int row, Func<string, string> cell, Caller caller, HashSet<string> ids, List<CsvRowError> errors, CancellationToken ct)
    {
        var v = new Violations();
        var newcomer = NewcomerRecord.Read(cell, v);
        if (Rules.IsMunicipalityCode(newcomer.MunicipalityCode) && !caller.CoversMunicipality(newcomer.MunicipalityCode))
            throw Caller.Denied($"row {row}: not a municipality of yours; nothing was written");
        if (HomeFromPostcode.ForCreate(newcomer) is { } postcode) newcomer.Home = await CentroidAsync(postcode, v, ct);
        NewcomerRules.Validate(newcomer, "newcomer", v);
        v.OptionalId(newcomer.Id, "newcomer_id");
        if (newcomer.Id.Length > 0 && Rules.IsId(newcomer.Id) && (!ids.Add(newcomer.Id) || await IdTakenAsync(newcomer.Id, ct)))
            v.Add("newcomer_id", ViolationReasons.Duplicate, "an id no other newcomer has, or none");
        if (v.Any)
        {
            errors.AddRange(CsvRowErrors.Of(row, v, NewcomerColumns.Map));
            return null;
        }
        newcomer.Id = newcomer.Id.Length > 0 ? newcomer.Id : Ids.New();
        newcomer.CreateTime = newcomer.UpdateTime = clock.Now();
        newcomer.Consent.RecordedAt = newcomer.CreateTime;
        if (newcomer.Status == NewcomerStatus.Unspecified) newcomer.Status = NewcomerStatus.Active;
        return newcomer;
    }

    private async Task<bool> IdTakenAsync(string id, CancellationToken ct) =>
        await store.GetAsync(ProfileStore.Newcomers, id, ct) is not null || await store.IdRegistry.UsedBeforeKeyedMarkersAsync(ProfileStore.Newcomers, id, ct);

    private ChangeSet Add(ChangeSet changes, Newcomer newcomer)
    {
        store.IdRegistry.Take(changes, ProfileStore.Newcomers, newcomer.Id);
        return ProfileStore.PutNewcomer(changes, newcomer, null).Publish(Minimised.Changed(newcomer));
    }
}
