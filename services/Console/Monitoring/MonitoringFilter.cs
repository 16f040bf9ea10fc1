using System.Globalization;
using Newcomers.Console.SignIn;
using Newcomers.Console.Text;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Monitoring;

/// <summary>
/// What the monitoring page and its CSV download show: one municipality or the region, and a range of
/// months (by default the last twelve). The query string carries it, so a link shows the same figures.
/// </summary>
public sealed record MonitoringFilter(string Area, string From, string To)
{
    public const int DefaultMonths = 12;

    public bool IsRegion => Area == MonitoringText.Region;

    /// <summary>The filter from the query (gemeente, van, tot), with the defaults for what is missing.</summary>
    public static MonitoringFilter For(ConsoleUser user, DateTimeOffset now, string? area, string? from, string? to)
    {
        var month = new DateTime(now.UtcDateTime.Year, now.UtcDateTime.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var defaultArea = user.Municipalities.Count == 1 ? user.Municipalities[0] : MonitoringText.Region;
        return new((area ?? "").Trim() is { Length: > 0 } a ? a : defaultArea,
            (from ?? "").Trim() is { Length: > 0 } f ? f : Month(month.AddMonths(1 - DefaultMonths)),
            (to ?? "").Trim() is { Length: > 0 } t ? t : Month(month));
    }

    public GetMonitoringFiguresRequest Request() => IsRegion
        ? new GetMonitoringFiguresRequest { IncludeRegion = true, FromMonth = From, ToMonth = To }
        : new GetMonitoringFiguresRequest { MunicipalityCodes = { Area }, FromMonth = From, ToMonth = To };

    /// <summary>The area of the answer this filter asked for: the region, or the one municipality.</summary>
    public MonitoringArea? AreaOf(MonitoringFigures figures) => figures.Areas.FirstOrDefault(a => IsRegion ? a.Region : a.MunicipalityCode == Area);

    public string Query => $"gemeente={Uri.EscapeDataString(Area)}&van={Uri.EscapeDataString(From)}&tot={Uri.EscapeDataString(To)}";

    private static string Month(DateTime month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
