using System.Text.Json.Nodes;
using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>schema.org JobPosting out of one provider and into another, over real gRPC.</summary>
public sealed class JobPostingTests(FeedHost fixture) : IClassFixture<FeedHost>
{
    private RunningHost Host => fixture.Host;

    private async Task<Provider> NewProviderAsync() => await Host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });

    private static Opportunity Portable(Opportunity o) => new(o) { Id = "", Version = 0, ProviderId = "", ExternalId = "", CreateTime = null, UpdateTime = null };

    [Fact]
    public async Task A_posting_exported_and_imported_into_another_provider_is_the_same_opportunity_and_a_second_import_changes_nothing()
    {
        var from = await NewProviderAsync();
        var to = await NewProviderAsync();
        var buddy = Build.Buddy(from.Id);
        buddy.Buddy.FamilyBuddy = true;
        buddy.StartDate = new Google.Type.Date { Year = 2027, Month = 2, Day = 1 };
        buddy.EndDate = new Google.Type.Date { Year = 2027, Month = 12, Day = 31 };
        var original = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = buddy });

        var posting = await Host.Opportunities.ExportJobPostingAsync(new ExportJobPostingRequest { Id = original.Id });
        var imported = await Host.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest { ProviderId = to.Id, JsonLd = posting.JsonLd });
        var again = await Host.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest { ProviderId = to.Id, JsonLd = posting.JsonLd });

        Assert.Equal(Portable(original), Portable(imported));
        Assert.NotEqual(original.Id, imported.Id);
        Assert.Equal((to.Id, original.Id, 1L), (imported.ProviderId, imported.ExternalId, imported.Version));
        Assert.Equal(imported, again);
        Assert.Equal(imported, await Host.Opportunities.GetOpportunityAsync(new GetOpportunityRequest { Id = imported.Id }));
    }

    [Fact]
    public async Task A_posting_with_a_known_identifier_updates_the_opportunity()
    {
        var provider = await NewProviderAsync();
        var original = await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var posting = JsonNode.Parse((await Host.Opportunities.ExportJobPostingAsync(new ExportJobPostingRequest { Id = original.Id })).JsonLd)!;
        var first = await Host.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest { ProviderId = provider.Id, JsonLd = posting.ToJsonString() });
        posting["title"] = "Taalstage banketbakkerij";

        var changed = await Host.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest { ProviderId = provider.Id, JsonLd = posting.ToJsonString() });

        Assert.Equal((first.Id, 2L, "Taalstage banketbakkerij"), (changed.Id, changed.Version, changed.Title));
    }

    [Fact]
    public async Task Import_errors_name_the_json_ld_path_and_then_the_opportunity_field()
    {
        var provider = await NewProviderAsync();
        await Expect.InvalidField("jobPosting.jobLocation.geo.latitude", "INVALID_CHOICE", () => Host.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest
        {
            ProviderId = provider.Id,
            JsonLd = """{ "@type": "JobPosting", "identifier": "v1", "title": "Hulpkok", "employmentType": "INTERN", "jobLocation": { "geo": { "latitude": "52,1", "longitude": 5.3 } } }""",
        }).ResponseAsync);
        await Expect.InvalidField("opportunity.occupation", "INVALID_ISCO_CODE", () => Host.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest
        {
            ProviderId = provider.Id,
            JsonLd = """{ "@type": "JobPosting", "identifier": "v1", "title": "Hulpkok", "employmentType": "INTERN", "occupationalCategory": "12" }""",
        }).ResponseAsync);
    }

    [Fact]
    public async Task A_provider_imports_for_itself_but_not_for_another_provider()
    {
        var own = await NewProviderAsync();
        var other = await NewProviderAsync();
        var posting = (await Host.Opportunities.ExportJobPostingAsync(new ExportJobPostingRequest
        {
            Id = (await Host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(other.Id) })).Id,
        })).JsonLd;
        using var provider = Host.As(Roles.Provider, providers: [own.Id]);

        var imported = await provider.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest { ProviderId = own.Id, JsonLd = posting });
        var denied = await Assert.ThrowsAsync<RpcException>(() => provider.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest { ProviderId = other.Id, JsonLd = posting }).ResponseAsync);

        Assert.Equal(own.Id, imported.ProviderId);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
