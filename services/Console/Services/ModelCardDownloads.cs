using System.Text;
using Grpc.Core;
using Newcomers.Console.SignIn;
using Newcomers.Contracts.V1;

namespace Newcomers.Console.Services;

/// <summary>The model card to save: its Markdown, and its Algoritmeregister entry as JSON, as the signed-in user may read them.</summary>
public static class ModelCardDownloads
{
    public const string Markdown = "/export/modelkaart.md", Json = "/export/algoritmeregister.json";

    public static void MapModelCardDownloads(this WebApplication app)
    {
        app.MapGet(Markdown, (HttpContext http, ServiceChannels channels) => SendAsync(http, channels, "text/markdown", c => c.Markdown, "modelkaart"))
            .RequireAuthorization(ConsoleAuthentication.Policy);
        app.MapGet(Json, (HttpContext http, ServiceChannels channels) => SendAsync(http, channels, "application/json", c => c.RegisterJson, "algoritmeregister"))
            .RequireAuthorization(ConsoleAuthentication.Policy);
    }

    private static async Task SendAsync(HttpContext http, ServiceChannels channels, string type, Func<ModelCard, string> part, string name)
    {
        ModelCard card;
        try
        {
            card = await ServiceClients.For(channels, http.User).Matching.GetModelCardAsync(new GetModelCardRequest(), cancellationToken: http.RequestAborted);
        }
        catch (RpcException e)
        {
            await CsvDownloads.FailAsync(http, e);
            return;
        }
        http.Response.ContentType = $"{type}; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{name}-{Safe(card.Ranker)}{(type == "application/json" ? ".json" : ".md")}\"";
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(part(card)), http.RequestAborted);
    }

    private static string Safe(string ranker) => new([.. ranker.Where(c => char.IsAsciiLetterOrDigit(c) || c == '-').Take(64)]);
}
