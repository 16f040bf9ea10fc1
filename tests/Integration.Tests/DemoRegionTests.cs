using Grpc.Health.V1;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

public sealed class DemoRegionTests
{
    [Fact]
    public async Task Seeding_the_demo_region_twice_does_not_duplicate_it()
    {
        var data = RunningHost.NewDataDirectory();
        int newcomers, opportunities;
        await using (var first = await RunningHost.StartAsync(data, "--Demo:Seed=true"))
        {
            await ServingAsync(first);
            (newcomers, opportunities) = await CountAsync(first);
            Assert.InRange(newcomers, 200, 1000);
            Assert.InRange(opportunities, 200, 1000);
            var someone = (await first.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = "GM0342", PageSize = 1 })).Newcomers.Single();
            if (someone.Consent.Matching)
            {
                var suggestions = await first.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = someone.Id });
                Assert.NotEmpty(suggestions.Suggestions);
            }
        }
        await using var second = await RunningHost.StartAsync(data, "--Demo:Seed=true");
        await ServingAsync(second);
        Assert.Equal((newcomers, opportunities), await CountAsync(second));
    }

    private static async Task ServingAsync(RunningHost host)
    {
        var health = new Health.HealthClient(host.Channel);
        for (var i = 0; i < 300; i++)
        {
            if ((await health.CheckAsync(new HealthCheckRequest())).Status == HealthCheckResponse.Types.ServingStatus.Serving) return;
            await Task.Delay(100);
        }
        Assert.Fail("the host did not report SERVING within 30 s");
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
