using System.Text.Json;
using Google.Protobuf;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>The AVG's right of access: one document with everything the product holds about a newcomer.</summary>
public sealed class ExportTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task A_caseworker_exports_everything_held_about_a_newcomer_as_one_json_document()
    {
        var host = fixture.Host;
        using var caseworker = host.As(Roles.Caseworker, municipalities: ["GM0342"]);
        using var colleague = new Clients(BearerChannel.For(host.GrpcAddress, host.Token("km-colleague", Roles.Caseworker, ["GM0342"])));
        var newcomer = await caseworker.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        var attributes = await host.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest
        {
            Attributes = new ProtectedAttributes { NewcomerId = newcomer.Id, Gender = Gender.Female, BirthYear = 1994, CountryOfOrigin = "ER" },
        });
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        var placement = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var suggested = await caseworker.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id, MunicipalityCodes = { "GM0342" } });
        var match = await caseworker.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = placement.Id });
        await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
        await caseworker.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
        await caseworker.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Started });
        for (var i = 0; i < 2; i++) await colleague.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id });

        var export = await caseworker.Profiles.ExportNewcomerAsync(new ExportNewcomerRequest { Id = newcomer.Id });

        Assert.Equal(await host.Profiles.GetNewcomerAsync(new GetNewcomerRequest { Id = newcomer.Id }), export.Newcomer);
        Assert.Equal(attributes, export.ProtectedAttributes);
        Assert.Equal(await host.Matching.GetMatchAsync(new GetMatchRequest { Id = match.Id }), export.Matches.Single());
        Assert.Equal(MatchState.Started, export.Matches.Single().State);
        var shown = export.Shown.Where(s => s.RequestId == suggested.RequestId).ToList();
        Assert.Equal(suggested.Suggestions.Select(s => s.OpportunityId), shown.OrderBy(s => s.Position).Select(s => s.OpportunityId));
        Assert.All(shown, s => Assert.Equal(ShownAs.SuggestionForNewcomer, s.ShownAs));
        Assert.Equal(suggested.Suggestions[0].DistanceKm, shown.Single(s => s.Position == 1).Features["distance_km"], 2);
        Assert.Equal(2, export.AuditEntries.Count(e => e.Actor == "km-colleague" && e.Action == "GetNewcomer"));
        Assert.Superset(new HashSet<string> { "RecommendOpportunities", "ProposeMatch", "RespondToMatch", "RecordOutcome", "SetProtectedAttributes" },
            export.AuditEntries.Select(e => e.Action).ToHashSet());
        Assert.All(export.AuditEntries, e => Assert.Equal($"newcomers/{newcomer.Id}", e.Record));

        // One JSON document, in the proto3 JSON mapping, with every part.
        using var document = JsonDocument.Parse(JsonFormatter.Default.Format(export));
        foreach (var part in new[] { "exportedAt", "newcomer", "protectedAttributes", "matches", "shown", "auditEntries" })
            Assert.True(document.RootElement.TryGetProperty(part, out _), $"the document has no {part}");
        Assert.Equal("Amina K.", document.RootElement.GetProperty("newcomer").GetProperty("displayName").GetString());

        // The export is itself on record.
        var audit = await new AuditService.AuditServiceClient(host.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { Record = $"newcomers/{newcomer.Id}" });
        var exported = audit.Entries.Single(e => e.Action == "ExportNewcomer");
        Assert.Equal(("test-caseworker", "right of access"), (exported.Actor, exported.Purpose));
    }

    [Fact]
    public async Task A_coordinator_cannot_export_and_an_erased_newcomer_is_gone()
    {
        var newcomer = await fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        using var coordinator = fixture.Host.As(Roles.Coordinator, municipalities: ["GM0342"]);
        await Expect.Status(Grpc.Core.StatusCode.PermissionDenied, () => coordinator.Profiles.ExportNewcomerAsync(new ExportNewcomerRequest { Id = newcomer.Id }).ResponseAsync);
        await fixture.Host.Profiles.EraseNewcomerAsync(new EraseNewcomerRequest { Id = newcomer.Id });
        await Expect.Status(Grpc.Core.StatusCode.NotFound, () => fixture.Host.Profiles.ExportNewcomerAsync(new ExportNewcomerRequest { Id = newcomer.Id }).ResponseAsync);
    }
}
