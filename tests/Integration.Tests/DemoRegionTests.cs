using Grpc.Health.V1;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

public sealed class DemoRegionTests
{
    [Fact]
    public async Task Seeding_the_demo_region_twice_does_not_duplicate_it()
    {
        var data = RunningHost.NewDataDirectory();
        // A table loaded before, such as CBS's, keeps its postcodes; the demo adds the ones it lacks.
        var loaded = PostcodeFiles.With("3762;GM0342;Soest;52,2000;5,3000", "1011;GM0363;Amsterdam;52,3730;4,9030");
        Assert.Equal(0, (await PostcodeFiles.LoadAsync(loaded, $"--Storage:DataDirectory={data}")).Exit);
        int newcomers, opportunities;
        List<(string, string, int)> municipalities;
        await using (var first = await RunningHost.StartAsync(data, "--Demo:Seed=true"))
        {
            await ServingAsync(first);
            (newcomers, opportunities) = await CountAsync(first);
            Assert.InRange(newcomers, 200, 1000);
            Assert.InRange(opportunities, 200, 1000);
            municipalities = [.. (await first.Profiles.ListMunicipalitiesAsync(new())).Municipalities.Select(m => (m.Code, m.Name, m.Postcodes))];
            Assert.Equal(11, municipalities.Count);
            Assert.Contains(("GM0342", "Soest", 5), municipalities);
            Assert.Equal(52.2, (await first.Profiles.LookupPostcodeAsync(new() { Postcode = "3762" })).Location.Latitude);
            var someone = (await first.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = "GM0342", PageSize = 1 })).Newcomers.Single();
            Assert.Equal("GM0342", (await first.Profiles.LookupPostcodeAsync(new() { Postcode = someone.Postcode })).MunicipalityCode);
            if (someone.Consent.Matching)
            {
                var suggestions = await first.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = someone.Id });
                Assert.NotEmpty(suggestions.Suggestions);
            }
        }
        await using var second = await RunningHost.StartAsync(data, "--Demo:Seed=true");
        await ServingAsync(second);
        Assert.Equal((newcomers, opportunities), await CountAsync(second));
        Assert.Equal(municipalities, (await second.Profiles.ListMunicipalitiesAsync(new())).Municipalities.Select(m => (m.Code, m.Name, m.Postcodes)));
    }

    [Fact]
    public async Task While_seeding_the_host_is_live_but_not_ready_and_logs_no_failure()
    {
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        await using var host = await RunningHost.StartAsync(null, b => b.Services.AddSingleton<ILoggerProvider>(new CapturingLoggerProvider(lines)), "--Demo:Seed=true");
        using var http = new HttpClient { BaseAddress = new Uri(host.HttpAddress) };
        var health = new Health.HealthClient(host.Channel);

        var starting = await http.GetAsync("/readyz");
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, starting.StatusCode);
        Assert.Equal("starting: seeding the demo region", await starting.Content.ReadAsStringAsync());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.NotServing, (await health.CheckAsync(new HealthCheckRequest())).Status);
        Assert.Equal("ok", await http.GetStringAsync("/healthz"));

        await ServingAsync(host);
        Assert.Equal("ready", await http.GetStringAsync("/readyz"));
        Assert.DoesNotContain(lines, l => l.StartsWith("Error", StringComparison.Ordinal) || l.StartsWith("Critical", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_demo_region_has_a_year_of_figures_and_signals_and_afterwards_the_clock_is_real()
    {
        await using var host = await RunningHost.StartAsync(null, "--Demo:Seed=true");
        await ServingAsync(host);
        var now = DateTimeOffset.UtcNow;
        var figures = await host.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest
        {
            MunicipalityCodes = { "GM0342" }, FromMonth = Month(now.AddMonths(-11)), ToMonth = Month(now),
        });
        var months = figures.Areas.Single().Months;
        Assert.Equal(12, months.Count);
        int Shown(Func<MonitoringMonth, FigureCount> cell) => months.Count(m => cell(m).ValueCase == FigureCount.ValueOneofCase.Count && cell(m).Count >= 5);
        FigureCount Of(MonitoringMonth m, OpportunityKind kind, Func<MatchKindFigure, FigureCount> cell) => cell(m.Matches.Single(k => k.Kind == kind));
        Assert.InRange(Shown(m => m.Registered), 11, 12);
        Assert.InRange(months.Count(m => !m.DaysToFirstProposal.Suppressed), 8, 12);
        Assert.InRange(Shown(m => Of(m, OpportunityKind.WorkPlacement, k => k.Proposed)), 8, 12);
        Assert.InRange(Shown(m => Of(m, OpportunityKind.WorkPlacement, k => k.Completed)), 2, 12);
        Assert.InRange(Shown(m => m.MapHours.Reached), 6, 12);
        // The MAP is reached over the year, not all at once.
        Assert.True(months[^1].MapHours.Reached.Count > months.First(m => m.MapHours.Reached.ValueCase == FigureCount.ValueOneofCase.Count).MapHours.Reached.Count);

        var warnings = await host.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { MunicipalityCode = "GM0342", PageSize = 1000 });
        Assert.Contains(warnings.Warnings, w => w.Kind == EarlyWarningKind.NoProposal);
        Assert.Contains(warnings.Warnings, w => w.Kind == EarlyWarningKind.MapBehind);

        // Seeding over, the services' clock is the real one again: what is recorded now is stamped now.
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var after = DateTimeOffset.UtcNow.AddSeconds(1);
        Assert.InRange(newcomer.CreateTime.ToDateTimeOffset(), before, after);
        Assert.InRange(provider.CreateTime.ToDateTimeOffset(), before, after);
    }

    private static string Month(DateTimeOffset t) => t.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task ServingAsync(RunningHost host)
    {
        var health = new Health.HealthClient(host.Channel);
        for (var i = 0; i < 600; i++)
        {
            if ((await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            await Task.Delay(100);
        }
        Assert.Fail("the host did not report SERVING within 60 s");
    }

    private static async Task<(int Newcomers, int Opportunities)> CountAsync(RunningHost host)
    {
        int newcomers = 0, opportunities = 0;
        var token = "";
        do
        {
            var page = await host.Profiles.ListNewcomersAsync(new ListNewcomersRequest { PageSize = 100, PageToken = token });
            newcomers += page.Newcomers.Count;
            token = page.NextPageToken;
        } while (token.Length > 0);
        do
        {
            var page = await host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { PageSize = 100, PageToken = token });
            opportunities += page.Opportunities.Count;
            token = page.NextPageToken;
        } while (token.Length > 0);
        return (newcomers, opportunities);
    }
}
