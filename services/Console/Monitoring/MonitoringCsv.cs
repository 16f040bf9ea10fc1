using System.Text;
using Grpc.Core;
using Newcomers.Console.Services;
using Newcomers.Console.SignIn;
using Newcomers.Console.Text;

namespace Newcomers.Console.Monitoring;

/// <summary>
/// The monitoring figures as CSV (";" and decimal commas, as Dutch spreadsheets read them), with the
/// page's filter: a row per area, month, group and series. Suppressed cells stay "&lt; 5" here too.
/// </summary>
public static class MonitoringCsv
{
    public const string Path = "/export/monitoring.csv";
    public const string Header = "gebied;maand;onderwerp;reeks;eenheid;waarde;p25;p75";

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
                await CsvDownloads.SendProblemAsync(http, e);
                return;
            }
            var area = filter.AreaOf(figures);
            var name = filter.IsRegion ? "regio" : new string(filter.Area.Where(char.IsAsciiLetterOrDigit).Take(16).ToArray());
            http.Response.ContentType = "text/csv; charset=utf-8";
            http.Response.Headers.ContentDisposition = $"attachment; filename=\"monitoring-{name}-{filter.From}-{filter.To}.csv\"";
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsync(area is null ? Header + "\n" : Write(area, figures.MinimumGroupSize), http.RequestAborted);
        }).RequireAuthorization(ConsoleAuthentication.Policy);

    public static string Write(Contracts.V1.MonitoringArea area, int minimumGroupSize)
    {
        var csv = new StringBuilder(Header).Append('\n');
        var place = area.Region ? $"regio ({string.Join(" ", area.RegionMunicipalityCodes)})" : area.MunicipalityCode;
        foreach (var group in FigureGroups.Of(area))
            foreach (var series in group.Series)
                for (var i = 0; i < group.Months.Count; i++)
                {
                    var v = series.Values[i];
                    string Number(double? x) => x is { } n ? Dutch.Number(n, n % 1 == 0 ? 0 : 1).Replace(".", "", StringComparison.Ordinal) : "";
                    var value = v.Suppressed ? MonitoringText.Suppressed(minimumGroupSize) : Number(v.Value);
                    csv.AppendJoin(';', new[] { place, group.Months[i], group.Title, series.Name, group.Unit, value, Number(v.Low), Number(v.High) }.Select(Field)).Append('\n');
                }
        return csv.ToString();
    }

    /// <summary>A field quoted when it holds the separator, a quote or a line break.</summary>
    private static string Field(string text) =>
        text.IndexOfAny([';', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
}
