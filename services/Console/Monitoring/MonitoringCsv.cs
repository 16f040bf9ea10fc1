using CsvHelper;
using Grpc.Core;
using Newcomers.BuildingBlocks.Csv;
using Newcomers.Console.Services;
using Newcomers.Console.SignIn;
using Newcomers.Console.Text;

namespace Newcomers.Console.Monitoring;

/// <summary>
/// The monitoring figures as CSV in the product's dialect (<see cref="CsvFormat"/>, with decimal
/// commas), with the page's filter: a row per area, month, group and series. Suppressed cells stay
/// "&lt; 5" here too.
/// </summary>
public static class MonitoringCsv
{
    public const string Path = "/export/monitoring.csv";
    public static readonly string[] Columns = ["gebied", "maand", "onderwerp", "reeks", "eenheid", "waarde", "p25", "p75"];

    public static void MapMonitoringCsv(this WebApplication app) =>
        app.MapGet(Path, async (HttpContext http, ServiceChannels channels, TimeProvider clock, string? gemeente, string? van, string? tot) =>
        {
            var user = ConsoleUser.Of(http.User)!;
            var filter = MonitoringFilter.For(user, clock.GetUtcNow(), gemeente, van, tot);
            Contracts.V1.MonitoringFigures figures;
            try
            {
                figures = await ServiceClients.For(channels, http.User).Profiles.GetMonitoringFiguresAsync(filter.Request(), cancellationToken: http.RequestAborted);
            }
            catch (RpcException e)
            {
                await CsvDownloads.FailAsync(http, e);
                return;
            }
            var area = filter.AreaOf(figures);
            var name = filter.IsRegion ? "regio" : new string(filter.Area.Where(char.IsAsciiLetterOrDigit).Take(16).ToArray());
            CsvDownloads.Attach(http, $"monitoring-{name}-{filter.From}-{filter.To}.csv");
            using var body = new MemoryStream();
            Write(body, area, figures.MinimumGroupSize);
            await http.Response.Body.WriteAsync(body.GetBuffer().AsMemory(0, (int)body.Length), http.RequestAborted);
        }).RequireAuthorization(ConsoleAuthentication.Policy);

    /// <summary>The header, then the rows of the area (none when the answer holds no such area).</summary>
    public static void Write(Stream output, Contracts.V1.MonitoringArea? area, int minimumGroupSize)
    {
        using var csv = CsvWriter.Create(output, CsvFormat.Writing, leaveOpen: true);
        csv.WriteHeader(Columns);
        if (area is null) return;
        var place = area.Region ? $"regio ({string.Join(" ", area.RegionMunicipalityCodes)})" : area.MunicipalityCode;
        static string Number(double? x) => x is { } n ? Dutch.Number(n, n % 1 == 0 ? 0 : 1).Replace(".", "", StringComparison.Ordinal) : "";
        foreach (var group in FigureGroups.Of(area))
            foreach (var series in group.Series)
                for (var i = 0; i < group.Months.Count; i++)
                {
                    var v = series.Values[i];
                    var value = v.Suppressed ? MonitoringText.Suppressed(minimumGroupSize) : Number(v.Value);
                    csv.WriteRecord([place, group.Months[i], group.Title, series.Name, group.Unit, value, Number(v.Low), Number(v.High)]);
                }
        csv.Flush();
    }
}
