using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>The curl examples of docs/api.md, run as written with the real /usr/bin/curl against a running host.</summary>
public sealed partial class CurlExamplesTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task The_documented_curl_examples_post_list_accept_recommend_and_sync_a_feed()
    {
        var host = fixture.Host;
        var examples = Examples();
        Assert.Equal(5, examples.Count);
        var platformProvider = Build.Provider(ProviderKind.VolunteerOrganisation, "Vrijwilligerscentrale");
        platformProvider.PlatformId = "curl-platform";
        var managed = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = platformProvider });
        var bakery = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var provider = new Dictionary<string, string> { ["PROVIDER_ID"] = bakery.Id, ["TOKEN"] = host.Token("curl-baker", Roles.Provider, providers: [bakery.Id]) };

        var posted = await RunAsync(examples[0], provider);
        Assert.Equal(200, posted.Status);
        var opportunity = await host.Opportunities.GetOpportunityAsync(new GetOpportunityRequest { Id = posted.Body.GetProperty("id").GetString() });
        Assert.Equal((bakery.Id, "Hulp in de bakkerij", 2), (opportunity.ProviderId, opportunity.Title, opportunity.Capacity));

        var match = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = opportunity.Id, CaseworkerId = "soest-km-1" });
        var listed = await RunAsync(examples[1], provider);
        Assert.Equal(200, listed.Status);
        Assert.Equal([match.Id], listed.Body.GetProperty("matches").EnumerateArray().Select(m => m.GetProperty("id").GetString()));

        var accepted = await RunAsync(examples[2], new(provider) { ["MATCH_ID"] = match.Id });
        Assert.Equal((200, "RESPONSE_ACCEPTED"), (accepted.Status, accepted.Body.GetProperty("providerResponse").GetString()));
        Assert.Equal(Response.Accepted, (await host.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id })).ProviderResponse);

        var place = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(managed.Id) });
        var platform = new Dictionary<string, string> { ["OPPORTUNITY_ID"] = place.Id, ["TOKEN"] = host.Token("curl-platform", Roles.Platform, platform: "curl-platform") };
        var recommended = await RunAsync(examples[3], platform);
        Assert.Equal(200, recommended.Status);
        // A platform sees a pseudonymised candidate, never the newcomer's id.
        var suggestion = Assert.Single(recommended.Body.GetProperty("suggestions").EnumerateArray());
        Assert.Equal("", suggestion.GetProperty("newcomerId").GetString());
        Assert.StartsWith("cand-", suggestion.GetProperty("candidate").GetProperty("pseudonym").GetString(), StringComparison.Ordinal);

        var foreign = await RunAsync(examples[3], new(platform) { ["TOKEN"] = host.Token("curl-other", Roles.Platform, platform: "another-platform") });
        Assert.Equal(403, foreign.Status);

        var feed = new Dictionary<string, string>(platform) { ["PROVIDER_ID"] = managed.Id };
        var synced = await RunAsync(examples[4], feed);
        var resynced = await RunAsync(examples[4], feed);
        Assert.Equal((200, 2, 0), (synced.Status, synced.Body.GetProperty("created").GetInt32(), synced.Body.GetProperty("rejected").GetInt32()));
        Assert.Equal((200, 2, 0), (resynced.Status, resynced.Body.GetProperty("unchanged").GetInt32(), resynced.Body.GetProperty("created").GetInt32()));
        var stored = (await host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = managed.Id })).Opportunities;
        Assert.Equal(["vrijwilliger/1001", "vrijwilliger/1002"], stored.Select(o => o.ExternalId).Where(e => e != "").Order(StringComparer.Ordinal));
    }

    /// <summary>The ```sh blocks under "### Examples with curl" in docs/api.md.</summary>
    private static List<string> Examples()
    {
        var doc = File.ReadAllText(Path.Combine(TestSupport.Repository.Root, "docs", "api.md"));
        var start = doc.IndexOf("### Examples with curl", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/api.md has no curl examples");
        var end = doc.IndexOf("\n#", start + 10, StringComparison.Ordinal);
        var section = doc[start..(end < 0 ? doc.Length : end)];
        return [.. ShellBlock().Matches(section).Select(m => m.Groups[1].Value)];
    }

    /// <summary>Runs one example with bash, API and the given variables set, and curl writing the HTTP status after the body.</summary>
    private async Task<(int Status, JsonElement Body)> RunAsync(string example, Dictionary<string, string> variables)
    {
        Assert.StartsWith("curl ", example, StringComparison.Ordinal);
        var start = new ProcessStartInfo("/bin/bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(example.TrimEnd() + " -w '\\n%{http_code}'");
        start.Environment["PATH"] = "/usr/bin:/bin";
        start.Environment["API"] = fixture.Host.HttpAddress;
        foreach (var (name, value) in variables) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var errors = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"curl exited {process.ExitCode}: {errors}");
        var last = output.LastIndexOf('\n');
        var body = output[..last];
        return (int.Parse(output[(last + 1)..], System.Globalization.CultureInfo.InvariantCulture), JsonDocument.Parse(body).RootElement.Clone());
    }

    [GeneratedRegex("```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShellBlock();
}
