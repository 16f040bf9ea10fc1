using CsvHelper;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.BuildingBlocks.Csv;

/// <summary>
/// The CSV dialect of imports and exports, as Dutch Excel writes it: UTF-8 (a byte order mark is
/// written, and read when present), a header row, fields separated by semicolons, quotes around a
/// field with a semicolon, quote or line break in it.
/// </summary>
public static class CsvFormat
{
    /// <summary>The most rows one import takes.</summary>
    public const int MaxRows = 100_000;

    /// <summary>How a file is read; a record whose quotes do not pair up is skipped and added to malformed.</summary>
    public static CsvReaderOptions Reading(List<CsvRowError> malformed) => new()
    {
        Separator = ';', HasHeader = true, TrackLineNumbers = true, TrimWhitespace = true, MalformedData = CsvMalformedDataHandling.Skip,
        OnMalformedRecord = record => malformed.Add(CsvRowErrors.Row((int)record.LineNumber, "", ViolationReasons.InvalidChoice,
            "De aanhalingstekens in deze rij sluiten niet.")),
    };

    public static CsvWriterOptions Writing => new() { Separator = ';', HasHeader = true, WriteByteOrderMark = true, NewLine = "\r\n" };
}
