using CsvHelper;
using Grpc.Core;
using Newcomers.BuildingBlocks.Csv;
using Newcomers.Console.SignIn;
using Newcomers.Console.Text;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Services;

/// <summary>
/// The supply and demand as a spreadsheet: the answer of GetSupplyAndDemand, one row per kind and
/// per sector of each municipality, in the CSV dialect of the exports. The console writes it from the
/// answer the user may see; a suppressed count reads "&lt;5" (the minimum group size).
/// </summary>
public static class SupplyCsv
{
    public const string Path = "/export/vraag-en-aanbod.csv";

    public static readonly string[] Columns =
        ["gemeentecode", "soort", "isco_hoofdgroep", "sector", "wachtend", "wachtend_zonder_passend_aanbod", "open_aanbod", "open_plekken", "passende_plekken", "onbenutte_plekken"];

    /// <summary>The request of the page's filter: a municipality or all of the user's, a kind ("werk", "vrijwilligerswerk", "taalmaatje") or all.</summary>
    public static GetSupplyAndDemandRequest Request(string? municipality, string? kind)
    {
        var request = new GetSupplyAndDemandRequest { Kind = string.IsNullOrEmpty(kind) ? OpportunityKind.Unspecified : KindSlug.Parse(kind) };
        if (!string.IsNullOrWhiteSpace(municipality)) request.MunicipalityCodes.Add(municipality.Trim());
        return request;
    }

    public static string Query(string? municipality, string? kind)
    {
        var query = new List<string>();
        if (!string.IsNullOrWhiteSpace(municipality)) query.Add($"gemeente={Uri.EscapeDataString(municipality.Trim())}");
        if (!string.IsNullOrEmpty(kind)) query.Add($"soort={Uri.EscapeDataString(kind)}");
        return query.Count > 0 ? "?" + string.Join('&', query) : "";
    }

    public static void MapSupplyCsv(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext http, ServiceChannels channels, string? gemeente, string? soort) =>
        {
            SupplyAndDemand answer;
            try
            {
                answer = await ServiceClients.For(channels, http.User).Matching.GetSupplyAndDemandAsync(Request(gemeente, soort), cancellationToken: http.RequestAborted);
            }
            catch (RpcException e)
            {
                await CsvDownloads.FailAsync(http, e);
                return;
            }
            CsvDownloads.Attach(http, $"vraag-en-aanbod{CsvDownloads.Suffix(gemeente)}.csv");
            await http.Response.Body.WriteAsync(Write(answer), http.RequestAborted);
        }).RequireAuthorization(ConsoleAuthentication.Policy);

    public static byte[] Write(SupplyAndDemand answer)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, CsvFormat.Writing, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            foreach (var area in answer.Areas)
                foreach (var (cell, whole) in area.Kinds.Select(c => (c, true)).Concat(area.Sectors.Select(c => (c, false))).OrderBy(x => x.Item1.Kind))
                    csv.WriteRecord(Row(area.MunicipalityCode, cell, answer.MinimumGroupSize, whole));
        }
        return buffer.ToArray();
    }

    private static string[] Row(string municipality, SupplyAndDemandCell c, int minimum, bool whole) =>
    [
        municipality, Labels.Of(c.Kind), c.IscoMajorGroup, whole ? "alle sectoren" : SupplyText.Sector(c.IscoMajorGroup),
        Count(c.Waiting, minimum), Count(c.WaitingWithoutPlace, minimum), Number(c.OpenOpportunities), Number(c.OpenPlaces), Number(c.SuitablePlaces), Number(c.UnusedPlaces),
    ];

    private static string Count(FigureCount count, int minimum) => SupplyText.Shown(count) ? Number(count.Count) : $"<{minimum}";

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
