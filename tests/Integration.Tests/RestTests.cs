using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Google.Protobuf;
using Newcomers.Contracts.V1;
using Xunit.Abstractions;

namespace Newcomers.Integration.Tests;

/// <summary>The RPCs as REST/JSON over real HTTP/1.1: the same results, errors and access rules as over gRPC.</summary>
public sealed class RestTests(HostFixture fixture, ITestOutputHelper output) : IClassFixture<HostFixture>
{
    private const string Placement = """
        {"kind": "OPPORTUNITY_KIND_WORK_PLACEMENT", "title": "Hulp in de bakkerij", "occupation": "7512", "sector": "voeding",
         "requiredDutchLevel": "CEFR_LEVEL_A2", "schedule": {"hoursPerWeek": 16, "dayParts": ["DAY_PART_MONDAY_MORNING"]},
         "location": {"latitude": 52.173, "longitude": 5.291}, "municipalityCode": "GM0342", "capacity": 2}
        """;

    [Fact]
    public async Task A_provider_posts_reads_lists_changes_and_removes_an_opportunity_by_REST()
    {
        var host = fixture.Host;
        var bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        using var client = Rest.Client(host, host.Token("rest-baker", Roles.Provider, providers: [bakery.Id]));

        var (created, opportunity) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/providers/{bakery.Id}/opportunities", Placement);
        Assert.Equal(200, created);
        var id = opportunity.GetProperty("id").GetString()!;
        Assert.Equal(bakery.Id, opportunity.GetProperty("providerId").GetString());
        Assert.Equal(2, (await host.Opportunities.GetOpportunityAsync(new GetOpportunityRequest { Id = id })).Capacity);

        var (read, got) = await Rest.SendAsync(client, HttpMethod.Get, $"/v1/opportunities/{id}");
        Assert.Equal((200, "Hulp in de bakkerij"), (read, got.GetProperty("title").GetString()));
        var (listed, list) = await Rest.SendAsync(client, HttpMethod.Get, $"/v1/providers/{bakery.Id}/opportunities?pageSize=10");
        Assert.Equal(200, listed);
        Assert.Equal([id], list.GetProperty("opportunities").EnumerateArray().Select(o => o.GetProperty("id").GetString()));

        var (changed, patched) = await Rest.SendAsync(client, HttpMethod.Patch, $"/v1/opportunities/{id}",
            """{"opportunity": {"capacity": 3, "version": 1}, "updateMask": "capacity"}""");
        Assert.Equal((200, 3, "2"), (changed, patched.GetProperty("capacity").GetInt32(), patched.GetProperty("version").ToString()));
        var (stale, conflict) = await Rest.SendAsync(client, HttpMethod.Patch, $"/v1/opportunities/{id}",
            """{"opportunity": {"capacity": 4, "version": 1}, "updateMask": "capacity"}""");
        Assert.Equal((409, (int)StatusCode.Aborted), (stale, conflict.GetProperty("code").GetInt32()));
        Assert.Equal("STALE_VERSION", conflict.GetProperty("details")[0].GetProperty("reason").GetString());

        Assert.Equal(200, (await Rest.SendAsync(client, HttpMethod.Delete, $"/v1/opportunities/{id}")).Status);
        var (gone, missing) = await Rest.SendAsync(client, HttpMethod.Get, $"/v1/opportunities/{id}");
        Assert.Equal((404, (int)StatusCode.NotFound), (gone, missing.GetProperty("code").GetInt32()));
    }

    [Fact]
    public async Task A_bad_opportunity_is_400_with_every_field_violation_and_its_reason_in_the_JSON_body()
    {
        var host = fixture.Host;
        var bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        using var client = Rest.Client(host, host.Token("rest-baker", Roles.Provider, providers: [bakery.Id]));

        var (status, error) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/providers/{bakery.Id}/opportunities",
            """{"kind": "OPPORTUNITY_KIND_WORK_PLACEMENT", "title": "", "occupation": "75", "capacity": 0}""");

        Assert.Equal((400, (int)StatusCode.InvalidArgument), (status, error.GetProperty("code").GetInt32()));
        var violations = Rest.FieldViolations(error);
        Assert.Contains(("opportunity.title", "REQUIRED"), violations);
        Assert.Contains(("opportunity.occupation", "INVALID_ISCO_CODE"), violations);
        Assert.Contains(("opportunity.capacity", "OUT_OF_RANGE"), violations);
        Assert.Contains(("opportunity.municipality_code", "INVALID_MUNICIPALITY_CODE"), violations);
        var (_, page) = await Rest.SendAsync(client, HttpMethod.Get, $"/v1/providers/{bakery.Id}/opportunities");
        Assert.Equal(0, page.GetProperty("opportunities").GetArrayLength());
    }

    [Fact]
    public async Task Another_providers_opportunity_and_match_are_refused_as_over_gRPC()
    {
        var host = fixture.Host;
        var bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(bakery.Id) });
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var match = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = placement.Id, CaseworkerId = "soest-km-1" });
        using var other = Rest.Client(host, host.Token("rest-garage", Roles.Provider, providers: ["rest-garage"]));
        using var otherGrpc = host.As(Roles.Provider, providers: ["rest-garage"]);

        var (changed, refusal) = await Rest.SendAsync(other, HttpMethod.Patch, $"/v1/opportunities/{placement.Id}",
            """{"opportunity": {"capacity": 5, "version": 1}, "updateMask": "capacity"}""");
        await Expect.Status(StatusCode.PermissionDenied, () => otherGrpc.Opportunities.UpdateOpportunityAsync(new UpdateOpportunityRequest
        {
            Opportunity = new Opportunity { Id = placement.Id, Capacity = 5, Version = 1 },
            UpdateMask = new Google.Protobuf.WellKnownTypes.FieldMask { Paths = { "capacity" } },
        }).ResponseAsync);
        Assert.Equal((403, (int)StatusCode.PermissionDenied), (changed, refusal.GetProperty("code").GetInt32()));

        await Expect.Status(StatusCode.NotFound, () => otherGrpc.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id }).ResponseAsync);
        Assert.Equal(404, (await Rest.SendAsync(other, HttpMethod.Get, $"/v1/matches/{match.Id}")).Status);
        var (responded, _) = await Rest.SendAsync(other, HttpMethod.Post, $"/v1/matches/{match.Id}:respond", """{"party": "PARTY_PROVIDER", "accept": true}""");
        Assert.Equal(404, responded);
        Assert.Equal(403, (await Rest.SendAsync(other, HttpMethod.Get, $"/v1/providers/{bakery.Id}/matches")).Status);
        Assert.Equal(MatchState.Proposed, (await host.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id })).State);
    }

    [Fact]
    public async Task Without_a_valid_token_every_call_is_401()
    {
        var host = fixture.Host;
        using var anonymous = Rest.Client(host, null);
        using var forged = Rest.Client(host, "not-a-token");

        Assert.Equal(401, (await Rest.SendAsync(anonymous, HttpMethod.Get, "/v1/opportunities")).Status);
        Assert.Equal(401, (await Rest.SendAsync(anonymous, HttpMethod.Post, "/v1/providers", """{"name": "X"}""")).Status);
        Assert.Equal(401, (await Rest.SendAsync(forged, HttpMethod.Get, "/v1/matches/some-match")).Status);
        // The console's catch-all does not swallow the API: an unknown API path is no redirect to a page.
        using var response = await anonymous.GetAsync("/v1/opportunities");
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_platform_sends_a_feed_by_REST_and_the_same_feed_again_is_all_unchanged()
    {
        var host = fixture.Host;
        var represented = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider(Build.Provider()) { PlatformId = "rest-platform" } });
        var other = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        using var client = Rest.Client(host, host.Token("rest-platform", Roles.Platform, platform: "rest-platform"));
        var item = """{"externalId": "vac-1", """ + Placement.TrimStart()[1..];
        var feed = $$"""{"mode": "SYNC_MODE_FULL", "items": [{{item}}, {"externalId": "vac-2", "kind": "OPPORTUNITY_KIND_WORK_PLACEMENT", "title": " "}]}""";

        var (sent, first) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/providers/{represented.Id}/opportunities:sync", feed);
        var (resent, second) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/providers/{represented.Id}/opportunities:sync", feed);

        Assert.Equal((200, 1, 1), (sent, first.GetProperty("created").GetInt32(), first.GetProperty("rejected").GetInt32()));
        var rejected = Assert.Single(first.GetProperty("rejectedItems").EnumerateArray());
        Assert.Equal((1, "vac-2"), (rejected.GetProperty("index").GetInt32(), rejected.GetProperty("externalId").GetString()));
        Assert.Contains(rejected.GetProperty("violations").EnumerateArray(), v => v.GetProperty("field").GetString() == "title" && v.GetProperty("reason").GetString() == "REQUIRED");
        Assert.Equal((200, 1), (resent, second.GetProperty("unchanged").GetInt32()));
        Assert.Equal((0, 1), (second.GetProperty("created").GetInt32(), second.GetProperty("rejected").GetInt32()));
        var stored = (await host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = represented.Id })).Opportunities;
        Assert.Equal(("vac-1", 1), (Assert.Single(stored).ExternalId, stored[0].Version));

        var (foreign, _) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/providers/{other.Id}/opportunities:sync", feed);
        var (unspecified, error) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/providers/{represented.Id}/opportunities:sync", """{"items": []}""");
        Assert.Equal((403, 400), (foreign, unspecified));
        Assert.Contains(("mode", "INVALID_CHOICE"), Rest.FieldViolations(error));
    }

    [Fact]
    public async Task One_feed_message_carries_1000_ordinary_items_and_one_over_4_MB_is_refused()
    {
        var host = fixture.Host;
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        using var client = Rest.Client(host, host.Token("rest-feed", Roles.Provider, providers: [provider.Id]));
        using var grpc = host.As(Roles.Provider, providers: [provider.Id]);
        SyncOpportunityFeedRequest Feed(int description, string title) => new()
        {
            ProviderId = provider.Id, Mode = SyncMode.Full,
            Items = { Enumerable.Range(0, 1000).Select(i => new Opportunity(Feeds.Item($"vac-{i:D4}", $"{title} {i}")) { Description = new string('x', description) }) },
        };
        var ordinary = Feed(500, "Taalstage");
        var json = JsonFormatter.Default.Format(ordinary);
        var largest = Feed(4000, new string('t', 190));
        var largestJson = JsonFormatter.Default.Format(largest);
        output.WriteLine($"1000 items with 500-character descriptions: {ordinary.CalculateSize():N0} bytes protobuf, {json.Length:N0} bytes JSON; " +
            $"with 4000-character descriptions and 200-character titles: {largest.CalculateSize():N0} bytes protobuf, {largestJson.Length:N0} bytes JSON");

        var (status, response) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/providers/{provider.Id}/opportunities:sync", json);
        Assert.Equal((200, 1000), (status, response.GetProperty("created").GetInt32()));
        Assert.True(largest.CalculateSize() > 4 * 1024 * 1024);
        // As a client of large uploads should: it sends the body only once the server says go on, so a refusal is read, not cut off.
        client.DefaultRequestHeaders.ExpectContinue = true;
        var (tooLarge, refusal) = await Rest.SendAsync(client, HttpMethod.Post, $"/v1/providers/{provider.Id}/opportunities:sync", largestJson);
        await Expect.Status(StatusCode.ResourceExhausted, () => grpc.Opportunities.SyncOpportunityFeedAsync(largest).ResponseAsync);
        output.WriteLine($"REST body of {largestJson.Length:N0} bytes: HTTP {tooLarge} {refusal}");
        Assert.Equal((400, (int)StatusCode.InvalidArgument), (tooLarge, refusal.GetProperty("code").GetInt32()));
        Assert.Contains("too large", refusal.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(1000, (await host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = provider.Id, PageSize = 1000 })).Opportunities.Count(o => o.Description.Length == 500));
    }
}
