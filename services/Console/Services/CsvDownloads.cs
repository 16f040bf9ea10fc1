using Grpc.Core;
using Newcomers.Console.Monitoring;
using Newcomers.Console.SignIn;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Services;

/// <summary>
/// The console's CSV downloads: a caseload (ExportNewcomers) and a provider's opportunities
/// (ExportOpportunities), streamed from the RPC to the browser piece by piece, as the signed-in
/// user. The service decides what the user may export; the console only passes the pieces on.
/// </summary>
public static class CsvDownloads
{
    public const string Newcomers = "/export/nieuwkomers.csv", Opportunities = "/export/aanbod.csv";

    public static void MapCsvDownloads(this WebApplication app)
    {
        app.MapGet(Newcomers, (HttpContext http, ServiceChannels channels, string? gemeente) =>
            SendAsync(http, $"nieuwkomers{Suffix(gemeente)}.csv",
                ServiceClients.For(channels, http.User).Profiles.ExportNewcomers(new ExportNewcomersRequest { MunicipalityCode = gemeente ?? "" }, cancellationToken: http.RequestAborted)))
            .RequireAuthorization(ConsoleAuthentication.Policy);
        app.MapSupplyCsv();
        app.MapGet(Opportunities, (HttpContext http, ServiceChannels channels, string? aanbieder) =>
            SendAsync(http, $"aanbod{Suffix(aanbieder)}.csv",
                ServiceClients.For(channels, http.User).Opportunities.ExportOpportunities(new ExportOpportunitiesRequest { ProviderId = aanbieder ?? "" }, cancellationToken: http.RequestAborted)))
            .RequireAuthorization(ConsoleAuthentication.Policy);
        app.MapMonitoringCsv();
    }

    /// <summary>A failed export as a short page in Dutch, with the status that fits the API's answer.</summary>
    internal static async Task FailAsync(HttpContext http, RpcException e)
    {
        var problem = ApiProblem.From(e);
        http.Response.StatusCode = e.StatusCode switch
        {
            StatusCode.PermissionDenied => StatusCodes.Status403Forbidden, StatusCode.NotFound => StatusCodes.Status404NotFound,
            StatusCode.InvalidArgument => StatusCodes.Status400BadRequest, StatusCode.Unauthenticated => StatusCodes.Status401Unauthorized,
            _ => StatusCodes.Status502BadGateway,
        };
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync($"De export is niet gelukt. {problem.Message} {string.Join(' ', problem.Fields.Values)}".TrimEnd(), http.RequestAborted);
    }

    /// <summary>The headers of a CSV file to save, never cached.</summary>
    internal static void Attach(HttpContext http, string fileName)
    {
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        http.Response.Headers.CacheControl = "no-store";
    }

    internal static string Suffix(string? scope) => string.IsNullOrEmpty(scope) ? "" : $"-{new string(scope.Where(char.IsAsciiLetterOrDigit).Take(64).ToArray())}";

    /// <summary>The export's first piece decides the answer: an error before it is a page in Dutch, after it the pieces follow as they come.</summary>
    private static async Task SendAsync(HttpContext http, string fileName, AsyncServerStreamingCall<CsvChunk> call)
    {
        using (call)
        {
            bool any;
            try
            {
                any = await call.ResponseStream.MoveNext(http.RequestAborted);
            }
            catch (RpcException e)
            {
                await FailAsync(http, e);
                return;
            }
            Attach(http, fileName);
            while (any)
            {
                await http.Response.Body.WriteAsync(call.ResponseStream.Current.Data.Memory, http.RequestAborted);
                any = await call.ResponseStream.MoveNext(http.RequestAborted);
            }
        }
    }
}
