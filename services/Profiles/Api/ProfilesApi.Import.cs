using System.IO.Pipelines;
using CsvHelper;
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
/// ImportNewcomers: the file is parsed while it streams in, every row checked by the rules of
/// CreateNewcomer, and only once the whole file is read are the good rows written, in commits of
/// <see cref="ImportBatch"/> newcomers, each with its id marker and NewcomerChanged event as a create has.
/// </summary>
public sealed partial class ProfilesApi
{
    private const int ImportBatch = 500;
    private const int ProgressEvery = 500;

    public override async Task ImportNewcomers(IAsyncStreamReader<ImportNewcomersRequest> requestStream, IServerStreamWriter<ImportNewcomersResponse> responseStream,
        ServerCallContext context)
    {
        var caller = Caller.Of(context).Require(Roles.Admin, Roles.Caseworker);
        var ct = context.CancellationToken;
        var pipe = new Pipe();
        var (takeGoodRows, first, bytes) = (false, true, 0L);
        var feeding = FeedAsync();
        var errors = new List<CsvRowError>();
        var (good, ids, rowsRead, reported) = (new List<(int Row, Newcomer Newcomer)>(), new HashSet<string>(StringComparer.Ordinal), 0, 0);
        var malformed = new List<CsvRowError>();
        await using (var csv = CsvReader.Create(pipe.Reader.AsStream(), CsvFormat.Reading(malformed), leaveOpen: false))
        {
            await csv.ReadHeaderAsync(ct);
            var header = csv.Headers;
            if (header.Count == 0 && bytes == 0) throw Errors.InvalidArgument("chunk", ViolationReasons.Required, "the file is empty: send its bytes in chunk");
            var columns = NewcomerColumns.All.ToDictionary(c => c, c => csv.TryGetFieldIndex(c, out var i) ? i : -1);
            errors.AddRange(NewcomerColumns.Required.Where(c => columns[c] < 0)
                .Select(c => CsvRowErrors.Row(1, c, ViolationReasons.Required, $"De kolom {c} ontbreekt in de kopregel.")));
            if (errors.Count > 0 && header.Count == 1 && header[0].Contains(',', StringComparison.Ordinal))
                errors.Add(CsvRowErrors.Row(1, "", ViolationReasons.InvalidChoice, "Scheid de kolommen met puntkomma's (;), zoals Excel dat doet."));
            var headerGood = errors.Count == 0;
            while (headerGood && await csv.ReadAsync(ct))
            {
                rowsRead++;
                var row = (int)csv.LineNumber;
                if (rowsRead > CsvFormat.MaxRows) throw Errors.InvalidArgument("chunk", ViolationReasons.TooMany, $"at most {CsvFormat.MaxRows} rows in one file");
                if (csv.FieldCount != header.Count)
                    errors.Add(CsvRowErrors.Row(row, "", csv.FieldCount < header.Count ? ViolationReasons.Required : ViolationReasons.TooMany,
                        $"Deze rij heeft {csv.FieldCount} velden, de kopregel {header.Count}."));
                else if (await CheckRowAsync(row, c => columns[c] < 0 ? "" : csv.GetString(columns[c]), caller, ids, errors, ct) is { } newcomer)
                    good.Add((row, newcomer));
                if (rowsRead % ProgressEvery == 0) await ReportAsync(done: false, written: 0);
            }
        }
        await feeding;
        errors.AddRange(malformed);
        var written = errors.Count == 0 || takeGoodRows ? await WriteAsync(good, errors, ct) : 0;
        await ReportAsync(done: true, written);

        async Task FeedAsync()
        {
            try
            {
                await foreach (var message in requestStream.ReadAllAsync(ct))
                {
                    if (first) (takeGoodRows, first) = (message.TakeGoodRows, false);
                    bytes += message.Chunk.Length;
                    await pipe.Writer.WriteAsync(message.Chunk.Memory, ct);
                }
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception exception)
            {
                await pipe.Writer.CompleteAsync(exception);
            }
        }

        Task ReportAsync(bool done, int written)
        {
            var response = new ImportNewcomersResponse { RowsRead = rowsRead, Done = done, RowsWritten = written, Errors = { errors.Skip(reported) } };
            reported = errors.Count;
            return responseStream.WriteAsync(response, ct);
        }
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
            errors.AddRange(CsvRowErrors.Of(row, v, NewcomerColumns.Of).OrderBy(e => NewcomerColumns.IndexOf(e.Column)));
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
}
