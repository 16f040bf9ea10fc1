using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Benchmarks;

/// <summary>
/// The console's pages over HTTP with a signed-in session, beside the gRPC call each page makes, in
/// the same run and alternating: a caseload page of 50 newcomers against its ListNewcomers, and a
/// "zoek matches" page against its RecommendOpportunities.
/// </summary>
public static partial class ConsolePages
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    public static async Task RunAsync(string httpAddress, string grpcAddress, AuthOptions auth, IReadOnlyList<Newcomer> newcomers, Report report, int requests = 300)
    {
        var municipality = newcomers.GroupBy(n => n.MunicipalityCode).OrderByDescending(g => g.Count()).First().Key;
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = true }) { BaseAddress = new Uri(httpAddress) };
        await SignInAsync(http, municipality);
        using var channel = BearerChannel.For(grpcAddress, LocalTokens.Mint(auth, $"{municipality.ToLowerInvariant()}-klantmanager-1", Roles.Caseworker, [municipality]));
        var profiles = new ProfileService.ProfileServiceClient(channel);
        var matching = new MatchingService.MatchingServiceClient(channel);
        var ours = newcomers.Where(n => n.MunicipalityCode == municipality).Select(n => n.Id).ToList();

        var (page, call) = await AlternateAsync(requests,
            () => GetAsync(http, "nieuwkomers"),
            () => profiles.ListNewcomersAsync(new ListNewcomersRequest { PageSize = 50, OrderBy = NewcomerOrder.LongestWaiting }).ResponseAsync);
        report.Add($"console caseload page of 50 newcomers ({municipality}, {ours.Count} newcomers) against its ListNewcomers, p50", "≤ 2×",
            $"{Report.Ms(page)} against {Report.Ms(call)}: {page / call:0.0}× ({requests} each, alternating, one client)");

        var i = 0;
        var (find, recommend) = await AlternateAsync(requests,
            () => GetAsync(http, $"nieuwkomers/{ours[i++ % ours.Count]}/zoek-matches?soort=werk"),
            () => matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = ours[i % ours.Count], Kinds = { OpportunityKind.WorkPlacement }, Limit = 10 }).ResponseAsync);
        report.Add("console \"zoek matches\" page against its RecommendOpportunities, p50", "≤ 2×",
            $"{Report.Ms(find)} against {Report.Ms(recommend)}: {find / recommend:0.0}× ({requests} each, alternating, one client)");
    }

    private static async Task SignInAsync(HttpClient http, string municipality)
    {
        var form = await http.GetStringAsync("aanmelden");
        using var post = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "demo-sign-in", ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups[1].Value,
            ["Form.Role"] = Roles.Caseworker, ["Form.Scope"] = municipality,
        });
        var signedIn = await http.PostAsync("aanmelden", post);
        if (!signedIn.IsSuccessStatusCode || signedIn.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/aanmelden", StringComparison.Ordinal) == true)
            throw new InvalidOperationException("the demo sign-in did not sign the benchmark in");
    }

    private static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || response.RequestMessage?.RequestUri?.AbsolutePath.StartsWith("/aanmelden", StringComparison.Ordinal) == true || body.Contains("utrecht-alert--error", StringComparison.Ordinal))
            throw new InvalidOperationException($"{path} did not render: {(int)response.StatusCode}");
    }

    /// <summary>Warms both up, then times them in turn; the medians in milliseconds.</summary>
    private static async Task<(double First, double Second)> AlternateAsync(int count, Func<Task> first, Func<Task> second)
    {
        for (var w = 0; w < 30; w++)
        {
            await first();
            await second();
        }
        var (a, b) = (new List<double>(count), new List<double>(count));
        for (var n = 0; n < count; n++)
        {
            var clock = Stopwatch.StartNew();
            await first();
            a.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await second();
            b.Add(clock.Elapsed.TotalMilliseconds);
        }
        return (Measure.Percentile(a, 50), Measure.Percentile(b, 50));
    }
}
