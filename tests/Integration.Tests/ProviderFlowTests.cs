using System.Text.Json;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>
/// A provider's flow from clients nobody here wrote: Node's @grpc/grpc-js and Debian's python3-grpcio
/// (reading only the contract) and curl over REST. Each posts an opportunity, syncs a feed twice, sees
/// the seeded newcomer as a pseudonymised candidate, accepts the proposal a caseworker makes, and
/// follows the match to ACCEPTED; the gRPC clients also watch it, and resume the watch from a cursor.
/// </summary>
public sealed class ProviderFlowTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_node_client_posts_syncs_sees_a_candidate_answers_the_proposal_and_follows_the_match()
    {
        using var world = await FlowWorld.CreateAsync(Host, "node");
        var script = Path.Combine(TestSupport.Repository.Root, "tests", "Clients", "node", "provider-flow.mjs");
        await using var client = ClientSteps.Start("node", script, Host.Channel.Target, ExternalClientTests.CommonProtos(), world.Provider.Id, world.ProviderToken);
        await RunGrpcFlowAsync(world, client);
    }

    [Fact]
    public async Task A_python_client_posts_syncs_sees_a_candidate_answers_the_proposal_and_follows_the_match()
    {
        using var world = await FlowWorld.CreateAsync(Host, "python");
        var descriptors = Path.Combine(Host.DataDirectory, "matching-v1.binpb");
        await File.WriteAllBytesAsync(descriptors, DescriptorSet(OpportunitiesReflection.Descriptor, MatchingReflection.Descriptor).ToByteArray());
        var script = Path.Combine(TestSupport.Repository.Root, "tests", "Clients", "python", "provider_flow.py");
        await using var client = ClientSteps.Start("/usr/bin/python3", script, Host.Channel.Target, descriptors, world.Provider.Id, world.ProviderToken);
        await RunGrpcFlowAsync(world, client);
    }

    [Fact]
    public async Task Curl_posts_syncs_sees_a_candidate_answers_the_proposal_and_follows_the_match_over_REST()
    {
        using var world = await FlowWorld.CreateAsync(Host, "curl");
        var (token, provider) = (world.ProviderToken, world.Provider.Id);

        var (posted, opportunity) = await Curl.SendAsync(Host, token, "POST", $"/v1/providers/{provider}/opportunities", FlowWorld.PlacementJson);
        Assert.Equal((200, provider), (posted, opportunity.GetProperty("providerId").GetString()));
        var opportunityId = opportunity.GetProperty("id").GetString()!;

        var feed = $$"""{"mode": "SYNC_MODE_FULL", "items": [{"externalId": "curl-vac-1", {{FlowWorld.PlacementJson[1..]}}, {"externalId": "curl-vac-2", {{FlowWorld.PlacementJson[1..]}}]}""";
        var (synced, first) = await Curl.SendAsync(Host, token, "POST", $"/v1/providers/{provider}/opportunities:sync", feed);
        var (resynced, second) = await Curl.SendAsync(Host, token, "POST", $"/v1/providers/{provider}/opportunities:sync", feed);
        Assert.Equal((200, 2, 0), (synced, first.GetProperty("created").GetInt32(), first.GetProperty("rejected").GetInt32()));
        Assert.Equal((200, 0, 2, 0), (resynced, second.GetProperty("created").GetInt32(), second.GetProperty("unchanged").GetInt32(), second.GetProperty("changed").GetInt32()));
        await world.AssertStoredAsync(opportunityId, ["curl-vac-1", "curl-vac-2"]);

        var (recommended, suggestions) = await Curl.SendAsync(Host, token, "GET", $"/v1/opportunities/{opportunityId}:recommendNewcomers?limit=20");
        Assert.Equal(200, recommended);
        var candidates = suggestions.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.All(candidates, c => Assert.Equal("", c.GetProperty("newcomerId").GetString()));

        var match = await world.ProposeAsync(opportunityId, [.. candidates.Select(c => c.GetProperty("candidate").GetProperty("pseudonym").GetString()!)]);
        var (listed, proposals) = await Curl.SendAsync(Host, token, "GET", $"/v1/providers/{provider}/matches?states=MATCH_STATE_PROPOSED");
        var proposal = Assert.Single(proposals.GetProperty("matches").EnumerateArray());
        Assert.Equal((200, match.Id), (listed, proposal.GetProperty("id").GetString()));
        var (answered, answer) = await Curl.SendAsync(Host, token, "POST", $"/v1/matches/{match.Id}:respond", """{"party": "PARTY_PROVIDER", "accept": true}""");
        Assert.Equal((200, "RESPONSE_ACCEPTED"), (answered, answer.GetProperty("providerResponse").GetString()));

        await world.AcceptForNewcomerAsync(match.Id);
        var (got, followed) = await Curl.SendAsync(Host, token, "GET", $"/v1/matches/{match.Id}");
        var (byOpportunity, list) = await Curl.SendAsync(Host, token, "GET", $"/v1/opportunities/{opportunityId}/matches?states=MATCH_STATE_ACCEPTED");
        Assert.Equal((200, "MATCH_STATE_ACCEPTED"), (got, followed.GetProperty("state").GetString()));
        Assert.Equal((200, match.Id), (byOpportunity, Assert.Single(list.GetProperty("matches").EnumerateArray()).GetProperty("id").GetString()));
    }

    /// <summary>Drives a gRPC client through its steps, acting as the caseworker between them, and checks what it printed.</summary>
    private static async Task RunGrpcFlowAsync(FlowWorld world, ClientSteps client)
    {
        var opportunityId = (await client.NextAsync("post")).GetProperty("opportunity_id").GetString()!;
        var sync = await client.NextAsync("sync");
        Assert.Equal((2, 0), (sync.GetProperty("first").GetProperty("created").GetInt32(), sync.GetProperty("first").GetProperty("rejected").GetInt32()));
        Assert.Equal((0, 0, 2), (sync.GetProperty("second").GetProperty("created").GetInt32(), sync.GetProperty("second").GetProperty("changed").GetInt32(), sync.GetProperty("second").GetProperty("unchanged").GetInt32()));
        await world.AssertStoredAsync(opportunityId, [$"{world.Name}-vac-1", $"{world.Name}-vac-2"]);

        var candidates = await client.NextAsync("candidates");
        Assert.All(candidates.GetProperty("newcomer_ids").EnumerateArray(), id => Assert.Equal("", id.GetString()));
        Assert.All(candidates.GetProperty("distance_bands").EnumerateArray(), band => Assert.NotEqual("", band.GetString()));
        await client.NextAsync("watching");
        var match = await world.ProposeAsync(opportunityId, [.. candidates.GetProperty("pseudonyms").EnumerateArray().Select(p => p.GetString()!)]);

        var answered = await client.NextAsync("answered");
        Assert.Equal((match.Id, "MATCH_STATE_PROPOSED", "RESPONSE_ACCEPTED"),
            (answered.GetProperty("match_id").GetString(), answered.GetProperty("state").GetString(), answered.GetProperty("provider_response").GetString()));
        Assert.Equal(world.Pseudonym, answered.GetProperty("newcomer_id").GetString());
        var accepted = await world.AcceptForNewcomerAsync(match.Id);

        var followed = await client.NextAsync("followed");
        Assert.Equal(("MATCH_STATE_ACCEPTED", "MATCH_STATE_ACCEPTED", "MATCH_STATE_ACCEPTED"),
            (followed.GetProperty("watched_state").GetString(), followed.GetProperty("get_state").GetString(), followed.GetProperty("resumed_state").GetString()));
        Assert.Equal(accepted.Version, followed.GetProperty("resumed_version").GetInt64());
        Assert.Equal([match.Id], followed.GetProperty("listed_ids").EnumerateArray().Select(id => id.GetString()));
        await client.EndAsync();
    }

    /// <summary>The files of the contract and every file they import, each after its imports, as protoc --include_imports writes them.</summary>
    private static FileDescriptorSet DescriptorSet(params FileDescriptor[] files)
    {
        var set = new FileDescriptorSet();
        var added = new HashSet<string>(StringComparer.Ordinal);
        void Add(FileDescriptor file)
        {
            if (!added.Add(file.Name)) return;
            foreach (var dependency in file.Dependencies) Add(dependency);
            set.File.Add(FileDescriptorProto.Parser.ParseFrom(file.SerializedData));
        }
        foreach (var file in files) Add(file);
        return set;
    }
}
