using CsvHelper;
using Newcomers.Contracts.V1;
using Newcomers.Profiles.Domain;

namespace Newcomers.Host;

/// <summary>
/// Reads a postcode file with CsvHelper: UTF-8 (with or without a byte order mark), fields separated
/// by semicolons as Dutch spreadsheets write them, a header naming the columns
/// postcode;gemeentecode;gemeentenaam;latitude;longitude (matched by name, ignoring case, in any
/// order; other columns are ignored), and lines starting with # as comments.
/// </summary>
public static class PostcodeFile
{
    /// <summary>The entries of the file, and every problem of it: each bad row with its row number, column and what is wrong.</summary>
    public static (List<Postcode> Entries, List<PostcodeProblem> Problems) Read(string path)
    {
        var problems = new List<PostcodeProblem>();
        var options = new CsvReaderOptions
        {
            Separator = ';', HasHeader = true, TrackLineNumbers = true, CommentPrefix = '#', TrimWhitespace = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => problems.Add(new(record.LineNumber, "", $"its quotes do not pair up ({record.Reason})")),
        };
        using var reader = CsvReader.FromFile(path, options);
        var header = reader.Headers;
        var columns = new int[PostcodeRules.Columns.Count];
        for (var i = 0; i < columns.Length; i++)
            if (!reader.TryGetFieldIndex(PostcodeRules.Columns[i], out columns[i]))
                problems.Add(new(0, PostcodeRules.Columns[i], "missing"));
        if (problems.Count > 0)
        {
            problems.Add(new(0, "", header.Count == 1 && header[0].Contains(',', StringComparison.Ordinal)
                ? "the header has one column with commas in it: separate the columns with semicolons (;)"
                : $"the first row that is not a comment must be the header {string.Join(';', PostcodeRules.Columns)}"));
            return ([], problems);
        }
        var rows = new List<PostcodeRow>();
        while (reader.Read())
        {
            if (reader.FieldCount != header.Count)
            {
                problems.Add(new(reader.LineNumber, "", $"{reader.FieldCount} fields where the header has {header.Count}"));
                continue;
            }
            rows.Add(new PostcodeRow(reader.LineNumber, reader.GetString(columns[0]), reader.GetString(columns[1]), reader.GetString(columns[2]),
                reader.GetString(columns[3]), reader.GetString(columns[4])));
        }
        var entries = PostcodeRules.Check(rows, problems);
        return (entries, problems.OrderBy(p => p.Row).ToList());
    }
}
