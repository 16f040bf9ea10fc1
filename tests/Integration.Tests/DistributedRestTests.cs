using Newcomers.BuildingBlocks.Auth;
using Newcomers.TestSupport;

namespace Newcomers.Integration.Tests;

/// <summary>REST/JSON and the OpenAPI document on each service's own HTTP/1.1 port, in the distributed mode.</summary>
public sealed class DistributedRestTests : IAsyncLifetime
{
    private DistributedDeployment deployment = null!;

    public async Task InitializeAsync() => deployment = await DistributedDeployment.StartAsync();

    public async Task DisposeAsync() => await deployment.DisposeAsync();

    [Fact]
    public async Task The_Opportunities_and_Matching_processes_answer_REST_for_their_own_RPCs()
    {
        var token = LocalTokens.Mint(new AuthOptions { SigningKey = deployment.SigningKey }, "test-admin", Roles.Admin);
        using var opportunities = new HttpClient { BaseAddress = new Uri(deployment.Opportunities.HttpAddress) };
        using var matching = new HttpClient { BaseAddress = new Uri(deployment.Matching.HttpAddress) };
        foreach (var client in new[] { opportunities, matching }) client.DefaultRequestHeaders.Authorization = new("Bearer", token);

        var (created, provider) = await Rest.SendAsync(opportunities, HttpMethod.Post, "/v1/providers",
            """{"name": "Bakkerij De Eng", "kind": "PROVIDER_KIND_ONDERNEMERSLADDER", "municipalityCode": "GM0342"}""");
        Assert.Equal(200, created);
        var providerId = provider.GetProperty("id").GetString();
        var (posted, opportunity) = await Rest.SendAsync(opportunities, HttpMethod.Post, $"/v1/providers/{providerId}/opportunities", """
            {"kind": "OPPORTUNITY_KIND_WORK_PLACEMENT", "title": "Hulp in de bakkerij", "occupation": "7512", "requiredDutchLevel": "CEFR_LEVEL_A2",
             "schedule": {"hoursPerWeek": 16, "dayParts": ["DAY_PART_MONDAY_MORNING"]}, "location": {"latitude": 52.173, "longitude": 5.291},
             "municipalityCode": "GM0342", "capacity": 2}
            """);
        Assert.Equal(200, posted);
        var id = opportunity.GetProperty("id").GetString();

        // The opportunity reaches the Matching process by event; then it recommends for it.
        var recommended = await Eventually.Async(() => Rest.SendAsync(matching, HttpMethod.Get, $"/v1/opportunities/{id}:recommendNewcomers"), r => r.Status == 200);
        Assert.Equal(0, recommended.Body.GetProperty("considered").GetInt32());
        var (listed, matches) = await Rest.SendAsync(matching, HttpMethod.Get, $"/v1/opportunities/{id}/matches");
        Assert.Equal((200, 0), (listed, matches.GetProperty("matches").GetArrayLength()));

        // Each process documents the routes it serves.
        var ofOpportunities = await opportunities.GetStringAsync(Newcomers.BuildingBlocks.Api.RestApi.DocumentPath);
        var ofMatching = await matching.GetStringAsync(Newcomers.BuildingBlocks.Api.RestApi.DocumentPath);
        Assert.Contains("\"/v1/opportunities:batchCreate\"", ofOpportunities, StringComparison.Ordinal);
        Assert.DoesNotContain(":respond\"", ofOpportunities, StringComparison.Ordinal);
        Assert.Contains("\"/v1/matches/{matchId}:respond\"", ofMatching, StringComparison.Ordinal);
        Assert.DoesNotContain("batchCreate", ofMatching, StringComparison.Ordinal);
    }
}
