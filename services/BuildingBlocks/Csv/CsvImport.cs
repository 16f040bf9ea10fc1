using System.IO.Pipelines;
using CsvHelper;
using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Storage;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Csv;

/// <summary>
/// One CSV import (ImportNewcomers, ImportOpportunities): the file is parsed while it streams in, each
/// row is checked by <see cref="CsvRows{T}.CheckRow"/>, and only once the whole file is read are the good
/// rows written (<see cref="CsvImportWriter"/>): all of them when no row is bad, or when the first message
/// asks to take only the good rows. Progress and the bad rows go back as they are found.
/// </summary>
public static class CsvImport
{
    private const int ProgressEvery = 500;

    public static async Task RunAsync<T>(CsvRows<T> rows, ServiceStore store, IAsyncStreamReader<CsvImportRequest> requestStream,
        IServerStreamWriter<CsvImportProgress> responseStream, CancellationToken ct) where T : class
    {
        var pipe = new Pipe();
        var (takeGoodRows, first, bytes) = (false, true, 0L);
        var feeding = FeedAsync();
        var (errors, malformed, good) = (new List<CsvRowError>(), new List<CsvRowError>(), new List<(int Row, T Item)>());
        var (rowsRead, reported) = (0, 0);
        await using (var csv = CsvReader.Create(pipe.Reader.AsStream(), CsvFormat.Reading(malformed), leaveOpen: false))
        {
            await csv.ReadHeaderAsync(ct);
            var header = csv.Headers;
            if (header.Count == 0 && bytes == 0) throw Errors.InvalidArgument("chunk", ViolationReasons.Required, "the file is empty: send its bytes in chunk");
            var columns = rows.Columns.ToDictionary(c => c, c => csv.TryGetFieldIndex(c, out var i) ? i : -1);
            errors.AddRange(rows.RequiredColumns.Where(c => columns[c] < 0)
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
                else if (await rows.CheckRow(row, c => columns[c] < 0 ? "" : csv.GetString(columns[c]), errors, ct) is { } item)
                    good.Add((row, item));
                if (rowsRead % ProgressEvery == 0) await ReportAsync(done: false, written: 0);
            }
        }
        await feeding;
        errors.AddRange(malformed);
        var written = errors.Count == 0 || takeGoodRows ? await CsvImportWriter.WriteAsync(rows, store, good, errors, ct) : 0;
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
            var response = new CsvImportProgress { RowsRead = rowsRead, Done = done, RowsWritten = written, Errors = { errors.Skip(reported) } };
            reported = errors.Count;
            return responseStream.WriteAsync(response, ct);
        }
    }
}
