using Google.Protobuf.WellKnownTypes;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

/// <summary>Every RPC answers a bad request with INVALID_ARGUMENT naming the offending field, each violation with a reason code.</summary>
public sealed class BadInputTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private static Newcomer NewcomerWith(Action<Newcomer> change)
    {
        var newcomer = Build.Newcomer();
        change(newcomer);
        return newcomer;
    }

    private static Opportunity PlacementWith(Action<Opportunity> change)
    {
        var opportunity = Build.Placement("some-provider");
        change(opportunity);
        return opportunity;
    }

    private static Opportunity BuddyWith(Action<Opportunity> change)
    {
        var opportunity = Build.Buddy("some-provider");
        change(opportunity);
        return opportunity;
    }

    public static TheoryData<string, string, Func<RunningHost, Task>> Cases => new()
    {
        { "CreateNewcomer", "newcomer", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest()).ResponseAsync },
        { "CreateNewcomer", "newcomer_id", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer(), NewcomerId = "a b" }).ResponseAsync },
        { "CreateNewcomer", "newcomer.municipality_code", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.MunicipalityCode = "Soest") }).ResponseAsync },
        { "CreateNewcomer", "newcomer.home.latitude", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.Home.Latitude = 90) }).ResponseAsync },
        { "CreateNewcomer", "newcomer.dutch_level", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.DutchLevel = CefrLevel.Unspecified) }).ResponseAsync },
        { "CreateNewcomer", "newcomer.languages[0].language", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.Languages[0].Language = "Arabic") }).ResponseAsync },
        { "CreateNewcomer", "newcomer.pip_goals", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.PipGoals.Clear()) }).ResponseAsync },
        { "CreateNewcomer", "newcomer.availability.day_parts", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.Availability.DayParts.Clear()) }).ResponseAsync },
        { "CreateNewcomer", "newcomer.max_travel_km", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.MaxTravelKm = 0) }).ResponseAsync },
        { "CreateNewcomer", "newcomer.occupations[1]", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.Occupations.Add("bakker")) }).ResponseAsync },
        { "CreateNewcomer", "newcomer.household_id", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.HouseholdId = "huis 12") }).ResponseAsync },
        { "GetNewcomer", "id", h => h.Profiles.GetNewcomerAsync(new GetNewcomerRequest()).ResponseAsync },
        { "CreateNewcomer", "newcomer.inburgering_start", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.InburgeringStart = new Google.Type.Date { Year = 2025, Month = 2, Day = 29 }) }).ResponseAsync },
        { "ListNewcomerHistory", "newcomer_id", h => h.Profiles.ListNewcomerHistoryAsync(new ListNewcomerHistoryRequest()).ResponseAsync },
        { "ListNewcomerHistory", "page_size", h => h.Profiles.ListNewcomerHistoryAsync(new ListNewcomerHistoryRequest { NewcomerId = "x", PageSize = 1001 }).ResponseAsync },
        { "ListNewcomerHistory", "page_token", h => h.Profiles.ListNewcomerHistoryAsync(new ListNewcomerHistoryRequest { NewcomerId = "x", PageToken = "not-a-token" }).ResponseAsync },
        { "UpdateNewcomer", "newcomer", h => h.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest()).ResponseAsync },
        { "UpdateNewcomer", "newcomer.version", h => h.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = NewcomerWith(n => n.Id = "x") }).ResponseAsync },
        { "UpdateNewcomer", "update_mask.paths[0]", h => h.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = NewcomerWith(n => { n.Id = "x"; n.Version = 1; }), UpdateMask = new FieldMask { Paths = { "map_hours_done" } } }).ResponseAsync },
        { "ListNewcomers", "page_size", h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { PageSize = 5000 }).ResponseAsync },
        { "ListNewcomers", "page_token", h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { PageToken = "not-a-token" }).ResponseAsync },
        { "ListNewcomers", "caseworker_id", h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = "GM0342", CaseworkerId = "km" }).ResponseAsync },
        { "ListNewcomers", "status", h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { Status = (NewcomerStatus)9 }).ResponseAsync },
        { "ListNewcomers", "leerroute", h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { Leerroute = (Leerroute)9 }).ResponseAsync },
        { "ListNewcomers", "pip_goal", h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { PipGoal = (PipGoal)9 }).ResponseAsync },
        { "ListNewcomers", "order_by", h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { OrderBy = (NewcomerOrder)9 }).ResponseAsync },
        { "ListNewcomers", "name_query", h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { NameQuery = new string('a', 101) }).ResponseAsync },
        { "UpdateConsent", "consent", h => h.Profiles.UpdateConsentAsync(new UpdateConsentRequest { Id = "x" }).ResponseAsync },
        { "EraseNewcomer", "id", h => h.Profiles.EraseNewcomerAsync(new EraseNewcomerRequest { Id = "../x" }).ResponseAsync },
        { "SetProtectedAttributes", "attributes", h => h.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest()).ResponseAsync },
        { "SetProtectedAttributes", "attributes.birth_year", h => h.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest { Attributes = new ProtectedAttributes { NewcomerId = "x", BirthYear = 1800 } }).ResponseAsync },
        { "GetProtectedAttributes", "newcomer_id", h => h.Profiles.GetProtectedAttributesAsync(new GetProtectedAttributesRequest()).ResponseAsync },
        { "ExportNewcomer", "id", h => h.Profiles.ExportNewcomerAsync(new ExportNewcomerRequest()).ResponseAsync },
        { "ImportNewcomers", "chunk", h => CsvCalls.ImportAsync(h.Profiles, []) },
        { "ExportNewcomers", "municipality_code", h => CsvCalls.ExportAsync(h.Profiles, "Soest") },
        { "ImportOpportunities", "chunk", h => CsvCalls.ImportAsync(h.Opportunities, "") },
        { "ExportOpportunities", "provider_id", h => CsvCalls.ExportChunksAsync(h.Opportunities, "../x") },
        { "LookupPostcode", "postcode", h => h.Profiles.LookupPostcodeAsync(new LookupPostcodeRequest { Postcode = "37" }).ResponseAsync },
        { "CreateNewcomer", "newcomer.postcode", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => { n.Home = null; n.Postcode = "9999"; }) }).ResponseAsync },
        { "ExportNewcomerMatches", "newcomer_id", h => h.Matching.ExportNewcomerMatchesAsync(new ExportNewcomerMatchesRequest { NewcomerId = "../x" }).ResponseAsync },
        { "GetMonitoringFigures", "from_month", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { ToMonth = "2026-01" }).ResponseAsync },
        { "GetMonitoringFigures", "from_month", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { FromMonth = "2026-13", ToMonth = "2026-01" }).ResponseAsync },
        { "StreamProtectedAttributesForAudit", "reason", h => h.Profiles.StreamProtectedAttributesForAudit(new StreamProtectedAttributesForAuditRequest()).ResponseStream.MoveNext(CancellationToken.None) },
        { "StreamProtectedAttributesForAudit", "reason", h => h.Profiles.StreamProtectedAttributesForAudit(new StreamProtectedAttributesForAuditRequest { Reason = "ok" }).ResponseStream.MoveNext(CancellationToken.None) },
        { "StreamProtectedAttributesForAudit", "reason", h => h.Profiles.StreamProtectedAttributesForAudit(new StreamProtectedAttributesForAuditRequest { Reason = new string('x', 201) }).ResponseStream.MoveNext(CancellationToken.None) },
        { "GetFairnessReport", "ranker", h => h.Matching.GetFairnessReportAsync(new GetFairnessReportRequest { Ranker = "no such ranker!" }).ResponseAsync },
        { "GetMonitoringFigures", "from_month", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { FromMonth = "2026-1", ToMonth = "2026-01" }).ResponseAsync },
        { "GetMonitoringFigures", "from_month", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { FromMonth = "2012-12", ToMonth = "2026-01" }).ResponseAsync },
        { "GetMonitoringFigures", "to_month", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { FromMonth = "2026-01" }).ResponseAsync },
        { "GetMonitoringFigures", "to_month", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { FromMonth = "2026-03", ToMonth = "2026-02" }).ResponseAsync },
        { "GetMonitoringFigures", "to_month", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { FromMonth = "2020-01", ToMonth = "2023-01" }).ResponseAsync },
        { "GetMonitoringFigures", "to_month", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { FromMonth = "2026-01", ToMonth = $"{DateTime.UtcNow.Year + 1}-01" }).ResponseAsync },
        { "GetMonitoringFigures", "municipality_codes[1]", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { MunicipalityCodes = { "GM0342", "Soest" }, FromMonth = "2026-01", ToMonth = "2026-01" }).ResponseAsync },
        { "GetMonitoringFigures", "municipality_codes[1]", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { MunicipalityCodes = { "GM0342", "GM0342" }, FromMonth = "2026-01", ToMonth = "2026-01" }).ResponseAsync },
        { "GetMonitoringFigures", "municipality_codes", h => h.Profiles.GetMonitoringFiguresAsync(new GetMonitoringFiguresRequest { MunicipalityCodes = { Enumerable.Range(0, 51).Select(i => $"GM{i:D4}") }, FromMonth = "2026-01", ToMonth = "2026-01" }).ResponseAsync },
        { "StreamNewcomerMatches", "newcomer_ids", h => Drain(h.Matching.StreamNewcomerMatches(new StreamNewcomerMatchesRequest())) },
        { "StreamNewcomerMatches", "newcomer_ids[0]", h => Drain(h.Matching.StreamNewcomerMatches(new StreamNewcomerMatchesRequest { NewcomerIds = { "../x" } })) },
        { "StreamNewcomerMatches", "newcomer_ids[1]", h => Drain(h.Matching.StreamNewcomerMatches(new StreamNewcomerMatchesRequest { NewcomerIds = { "n1", "n1" } })) },
        { "CreateProvider", "provider.kind", h => h.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider { Name = "x", MunicipalityCode = "GM0342" } }).ResponseAsync },
        { "CreateProvider", "provider.name", h => h.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = new Provider { Kind = ProviderKind.Employer, MunicipalityCode = "GM0342" } }).ResponseAsync },
        { "GetProvider", "id", h => h.Opportunities.GetProviderAsync(new GetProviderRequest()).ResponseAsync },
        { "UpdateProvider", "provider", h => h.Opportunities.UpdateProviderAsync(new UpdateProviderRequest()).ResponseAsync },
        { "ListProviders", "page_size", h => h.Opportunities.ListProvidersAsync(new ListProvidersRequest { PageSize = -1 }).ResponseAsync },
        { "DeleteProvider", "id", h => h.Opportunities.DeleteProviderAsync(new DeleteProviderRequest()).ResponseAsync },
        { "CreateOpportunity", "opportunity.capacity", h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = PlacementWith(o => o.Capacity = 0) }).ResponseAsync },
        { "CreateOpportunity", "opportunity.occupation", h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = PlacementWith(o => o.Occupation = "") }).ResponseAsync },
        { "CreateOpportunity", "opportunity.end_date", h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = PlacementWith(o => { o.StartDate = new Google.Type.Date { Year = 2027, Month = 3, Day = 1 }; o.EndDate = new Google.Type.Date { Year = 2027, Month = 2, Day = 1 }; }) }).ResponseAsync },
        { "CreateOpportunity", "opportunity.start_date", h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = PlacementWith(o => o.StartDate = new Google.Type.Date { Year = 2027, Month = 2, Day = 30 }) }).ResponseAsync },
        { "CreateOpportunity", "opportunity.buddy", h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = PlacementWith(o => o.Buddy = new BuddyOffer()) }).ResponseAsync },
        { "CreateOpportunity", "opportunity.capacity", h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = BuddyWith(o => o.Capacity = 4) }).ResponseAsync },
        { "CreateOpportunity", "opportunity.buddy.families_only", h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = BuddyWith(o => o.Buddy.FamiliesOnly = true) }).ResponseAsync },
        { "CreateOpportunity", "opportunity.buddy.languages", h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = BuddyWith(o => { o.Buddy.Languages.Clear(); o.Buddy.SharedLanguageOnly = true; }) }).ResponseAsync },
        { "SyncOpportunities", "header", h => Feeds.SendPartsAsync(h.Opportunities, [new SyncOpportunitiesRequest { Chunk = new SyncChunk { Items = { Feeds.Item("x") } } }]) },
        { "SyncOpportunities", "header.mode", h => Feeds.SendAsync(h.Opportunities, "p", SyncMode.Unspecified, []) },
        { "SyncOpportunities", "header.provider_id", h => Feeds.SendAsync(h.Opportunities, "a b", SyncMode.Partial, []) },
        { "SyncOpportunityFeed", "mode", h => h.Opportunities.SyncOpportunityFeedAsync(new SyncOpportunityFeedRequest { ProviderId = "p" }).ResponseAsync },
        { "SyncOpportunityFeed", "provider_id", h => h.Opportunities.SyncOpportunityFeedAsync(new SyncOpportunityFeedRequest { ProviderId = "a b", Mode = SyncMode.Partial }).ResponseAsync },
        { "SyncOpportunityFeed", "items", h => h.Opportunities.SyncOpportunityFeedAsync(new SyncOpportunityFeedRequest { ProviderId = "p", Mode = SyncMode.Partial, Items = { Enumerable.Range(0, 1001).Select(i => Feeds.Item($"x{i}")) } }).ResponseAsync },
        { "BatchCreateOpportunities", "requests", h => h.Opportunities.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest()).ResponseAsync },
        { "BatchCreateOpportunities", "requests[1].opportunity.title", h => h.Opportunities.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest { Requests = { new CreateOpportunityRequest { Opportunity = Build.Placement("p") }, new CreateOpportunityRequest { Opportunity = PlacementWith(o => o.Title = " ") } } }).ResponseAsync },
        { "BatchCreateOpportunities", "requests[1].opportunity_id", h => h.Opportunities.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest { Requests = { new CreateOpportunityRequest { Opportunity = Build.Placement("p"), OpportunityId = "same" }, new CreateOpportunityRequest { Opportunity = Build.Placement("p"), OpportunityId = "same" } } }).ResponseAsync },
        { "GetOpportunity", "id", h => h.Opportunities.GetOpportunityAsync(new GetOpportunityRequest { Id = new string('x', 65) }).ResponseAsync },
        { "ExportJobPosting", "id", h => h.Opportunities.ExportJobPostingAsync(new ExportJobPostingRequest()).ResponseAsync },
        { "ImportJobPosting", "provider_id", h => h.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest { ProviderId = "a b", JsonLd = "{}" }).ResponseAsync },
        { "ImportJobPosting", "json_ld", h => h.Opportunities.ImportJobPostingAsync(new ImportJobPostingRequest { ProviderId = "p" }).ResponseAsync },
        { "UpdateOpportunity", "opportunity.version", h => h.Opportunities.UpdateOpportunityAsync(new UpdateOpportunityRequest { Opportunity = PlacementWith(o => o.Id = "x") }).ResponseAsync },
        { "ListOpportunities", "page_token", h => h.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { PageToken = "%%%" }).ResponseAsync },
        { "ListOpportunities", "kind", h => h.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { Kind = (OpportunityKind)9 }).ResponseAsync },
        { "DeleteOpportunity", "id", h => h.Opportunities.DeleteOpportunityAsync(new DeleteOpportunityRequest()).ResponseAsync },
        { "RecommendOpportunities", "newcomer_id", h => h.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest()).ResponseAsync },
        { "RecommendOpportunities", "limit", h => h.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = "x", Limit = 101 }).ResponseAsync },
        { "RecommendOpportunities", "kinds[0]", h => h.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = "x", Kinds = { (OpportunityKind)99 } }).ResponseAsync },
        { "RecommendOpportunities", "municipality_codes[0]", h => h.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = "x", MunicipalityCodes = { "0342" } }).ResponseAsync },
        { "GetPipGuidance", "newcomer_id", h => h.Matching.GetPipGuidanceAsync(new GetPipGuidanceRequest()).ResponseAsync },
        { "GetPipGuidance", "kind", h => h.Matching.GetPipGuidanceAsync(new GetPipGuidanceRequest { NewcomerId = "x", Kind = (OpportunityKind)99 }).ResponseAsync },
        { "RecommendNewcomers", "opportunity_id", h => h.Matching.RecommendNewcomersAsync(new RecommendNewcomersRequest()).ResponseAsync },
        { "RecommendNewcomers", "limit", h => h.Matching.RecommendNewcomersAsync(new RecommendNewcomersRequest { OpportunityId = "x", Limit = -1 }).ResponseAsync },
        { "ProposeMatch", "caseworker_id", h => h.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = "n", OpportunityId = "o" }).ResponseAsync },
        { "ProposeMatch", "request_id", h => h.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = "n", OpportunityId = "o", CaseworkerId = "km", Origin = ProposalOrigin.Suggestion }).ResponseAsync },
        { "ProposeMatch", "reason", h => h.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = "n", OpportunityId = "o", CaseworkerId = "km", Origin = ProposalOrigin.Override }).ResponseAsync },
        { "ProposeMatch", "cohort_run_id", h => h.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = "n", OpportunityId = "o", CaseworkerId = "km", Origin = ProposalOrigin.Cohort }).ResponseAsync },
        { "ProposeMatch", "origin", h => h.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = "n", OpportunityId = "o", CaseworkerId = "km", Origin = (ProposalOrigin)9 }).ResponseAsync },
        { "RespondToMatch", "party", h => h.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = "m", Accept = true }).ResponseAsync },
        { "RespondToMatch", "accept", h => h.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = "m", Party = Party.Caseworker, Accept = true }).ResponseAsync },
        { "RecordOutcome", "outcome", h => h.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = "m" }).ResponseAsync },
        { "RecordOutcome", "hours_completed", h => h.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = "m", Outcome = Outcome.Completed }).ResponseAsync },
        { "RecordOutcome", "reason_code", h => h.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = "m", Outcome = Outcome.Ended }).ResponseAsync },
        { "RecordOutcome", "reason", h => h.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = "m", Outcome = Outcome.Ended, ReasonCode = EndReason.Other, Reason = " " }).ResponseAsync },
        { "RecordOutcome", "reason_code", h => h.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = "m", Outcome = Outcome.Ended, ReasonCode = (EndReason)99 }).ResponseAsync },
        { "RespondToMatch", "reason_code", h => h.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = "m", Party = Party.Provider, Accept = false, Reason = "vol" }).ResponseAsync },
        { "RespondToMatch", "reason", h => h.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = "m", Party = Party.Newcomer, ReasonCode = EndReason.Other }).ResponseAsync },
        { "GetMatch", "id", h => h.Matching.GetMatchAsync(new GetMatchRequest()).ResponseAsync },
        { "ListMatches", "newcomer_id", h => h.Matching.ListMatchesAsync(new ListMatchesRequest()).ResponseAsync },
        { "ListMatches", "provider_id", h => h.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = "not an id!" }).ResponseAsync },
        { "ListMatches", "opportunity_id", h => h.Matching.ListMatchesAsync(new ListMatchesRequest { OpportunityId = "o", ProviderId = "p" }).ResponseAsync },
        { "ListMatches", "states[1]", h => h.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = "p", States = { MatchState.Accepted, MatchState.Unspecified } }).ResponseAsync },
        { "ListMatches", "states", h => h.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = "p", States = { Enumerable.Repeat(MatchState.Accepted, 8) } }).ResponseAsync },
        { "GetMatchContact", "match_id", h => h.Matching.GetMatchContactAsync(new GetMatchContactRequest()).ResponseAsync },
        { "GetNewcomerContact", "newcomer_id", h => h.Profiles.GetNewcomerContactAsync(new GetNewcomerContactRequest { NewcomerId = "../x" }).ResponseAsync },
        { "CreateNewcomer", "newcomer.caseworker_contact", h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.CaseworkerContact = new string('a', 201)) }).ResponseAsync },
        { "GetSupplyAndDemand", "kind", h => h.Matching.GetSupplyAndDemandAsync(new GetSupplyAndDemandRequest { Kind = (OpportunityKind)9 }).ResponseAsync },
        { "GetSupplyAndDemand", "municipality_codes[0]", h => h.Matching.GetSupplyAndDemandAsync(new GetSupplyAndDemandRequest { MunicipalityCodes = { "Soest" } }).ResponseAsync },
        { "GetSupplyAndDemand", "municipality_codes[1]", h => h.Matching.GetSupplyAndDemandAsync(new GetSupplyAndDemandRequest { MunicipalityCodes = { "GM0342", "GM0342" } }).ResponseAsync },
        { "ListOpenings", "kind", h => h.Matching.ListOpeningsAsync(new ListOpeningsRequest()).ResponseAsync },
        { "ListOpenings", "municipality_codes[0]", h => h.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy, MunicipalityCodes = { "Soest" } }).ResponseAsync },
        { "ListOpenings", "page_token", h => h.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy, PageToken = "not-a-token" }).ResponseAsync },
        { "ListCaseloadWarnings", "caseworker_id", h => h.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { CaseworkerId = "not an id!" }).ResponseAsync },
        { "ListCaseloadWarnings", "municipality_code", h => h.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { MunicipalityCode = "Soest" }).ResponseAsync },
        { "ListCaseloadWarnings", "newcomer_id", h => h.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { NewcomerId = "../x" }).ResponseAsync },
        { "ListCaseloadWarnings", "page_size", h => h.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { PageSize = 1001 }).ResponseAsync },
        { "ListCaseloadWarnings", "page_token", h => h.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { PageToken = "not-a-token" }).ResponseAsync },
        { "ListModelVersions", "page_size", h => h.Matching.ListModelVersionsAsync(new ListModelVersionsRequest { PageSize = 1001 }).ResponseAsync },
        { "ListModelVersions", "page_token", h => h.Matching.ListModelVersionsAsync(new ListModelVersionsRequest { PageToken = "not-a-token" }).ResponseAsync },
        { "ListAuditEntries", "page_size", h => new AuditService.AuditServiceClient(h.Channel).ListAuditEntriesAsync(new ListAuditEntriesRequest { PageSize = 5000 }).ResponseAsync },
        { "WatchMatches", "provider_id", h => h.Matching.WatchMatches(new WatchMatchesRequest { ProviderId = "not an id!" }).ResponseStream.MoveNext(CancellationToken.None) },
        { "WatchMatches", "cursor", h => h.Matching.WatchMatches(new WatchMatchesRequest { Cursor = "not-a-cursor" }).ResponseStream.MoveNext(CancellationToken.None) },
        { "TrainModel", "source", h => h.Matching.TrainModel(new TrainModelRequest()).ResponseStream.MoveNext(CancellationToken.None) },
        { "TrainModel", "groups", h => h.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Simulator, Groups = 50_001 }).ResponseStream.MoveNext(CancellationToken.None) },
        { "AssignCohort", "kind", h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { MunicipalityCodes = { "GM0342" } })) },
        { "AssignCohort", "municipality_codes", h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement })) },
        { "AssignCohort", "municipality_codes[0]", h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement, MunicipalityCodes = { "Soest" } })) },
        { "AssignCohort", "newcomer_ids[0]", h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement, MunicipalityCodes = { "GM0342" }, NewcomerIds = { "a b" } })) },
        { "AssignCohort", "opportunity_ids[0]", h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement, MunicipalityCodes = { "GM0342" }, OpportunityIds = { "" } })) },
        { "AssignCohort", "options.max_distance_km", h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement, MunicipalityCodes = { "GM0342" }, Options = new CohortOptions { MaxDistanceKm = 101 } })) },
        { "AssignCohort", "options.objective", h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement, MunicipalityCodes = { "GM0342" }, Options = new CohortOptions { Objective = (CohortObjective)7 } })) },
        { "AssignCohort", "options.pairs_per_newcomer", h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement, MunicipalityCodes = { "GM0342" }, Options = new CohortOptions { PairsPerNewcomer = 201 } })) },
        { "EvaluateModel", "source", h => h.Matching.EvaluateModelAsync(new EvaluateModelRequest { Source = (TrainingSource)9 }).ResponseAsync },
        { "EvaluateModel", "seed", h => h.Matching.EvaluateModelAsync(new EvaluateModelRequest { Source = TrainingSource.Simulator, Seed = -1 }).ResponseAsync },
    };

    /// <summary>One case for each reason code: the field and the code a client gets.</summary>
    public static TheoryData<string, string, Func<RunningHost, Task>> ReasonCases => new()
    {
        { "newcomer.display_name", ViolationReasons.Required, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.DisplayName = " ") }).ResponseAsync },
        { "newcomer.display_name", ViolationReasons.TooLong, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.DisplayName = new string('a', 201)) }).ResponseAsync },
        { "newcomer.pip_goals", ViolationReasons.TooMany, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.PipGoals.Add(Enumerable.Repeat(PipGoal.Work, 4))) }).ResponseAsync },
        { "newcomer.availability.hours_per_week", ViolationReasons.OutOfRange, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.Availability.HoursPerWeek = 99) }).ResponseAsync },
        { "newcomer_id", ViolationReasons.InvalidId, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer(), NewcomerId = "a b" }).ResponseAsync },
        { "newcomer.municipality_code", ViolationReasons.InvalidMunicipalityCode, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.MunicipalityCode = "") }).ResponseAsync },
        { "newcomer.postcode", ViolationReasons.InvalidPostcode, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.Postcode = "3762 AB") }).ResponseAsync },
        { "newcomer.postcode", ViolationReasons.UnknownPostcode, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => { n.Home = null; n.Postcode = "9999"; }) }).ResponseAsync },
        { "newcomer.occupations[0]", ViolationReasons.InvalidIscoCode, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.Occupations[0] = "bakker") }).ResponseAsync },
        { "newcomer.languages[0].language", ViolationReasons.InvalidLanguageCode, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.Languages[0].Language = "Arabic") }).ResponseAsync },
        { "attributes.country_of_origin", ViolationReasons.InvalidCountryCode, h => h.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest { Attributes = new ProtectedAttributes { NewcomerId = "x", CountryOfOrigin = "sy" } }).ResponseAsync },
        { "outcome", ViolationReasons.InvalidChoice, h => h.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = "m" }).ResponseAsync },
        { "reason_code", ViolationReasons.Required, h => h.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = "m", Party = Party.Newcomer, Accept = false }).ResponseAsync },
        { "reason_code", ViolationReasons.InvalidChoice, h => h.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = "m", Party = Party.Provider, ReasonCode = (EndReason)13 }).ResponseAsync },
        { "reason_code", ViolationReasons.NotAllowed, h => h.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = "m", Party = Party.Provider, Accept = true, ReasonCode = EndReason.NoFit }).ResponseAsync },
        { "reason", ViolationReasons.Required, h => h.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = "m", Outcome = Outcome.Ended, ReasonCode = EndReason.Other }).ResponseAsync },
        { "reason_code", ViolationReasons.Required, h => h.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = "m", Outcome = Outcome.Ended, Reason = "verhuisd" }).ResponseAsync },
        { "reason_code", ViolationReasons.NotAllowed, h => h.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = "m", Outcome = Outcome.Started, ReasonCode = EndReason.Moved }).ResponseAsync },
        { "opportunity.start_date", ViolationReasons.InvalidDate, h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = PlacementWith(o => o.StartDate = new Google.Type.Date { Year = 2027, Month = 2, Day = 30 }) }).ResponseAsync },
        { "opportunity.end_date", ViolationReasons.DateOrder, h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = PlacementWith(o => { o.StartDate = new Google.Type.Date { Year = 2027, Month = 3, Day = 1 }; o.EndDate = new Google.Type.Date { Year = 2027, Month = 2, Day = 1 }; }) }).ResponseAsync },
        { "newcomer.home.latitude", ViolationReasons.InvalidLocation, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.Home.Latitude = 90) }).ResponseAsync },
        { "requests[1].opportunity_id", ViolationReasons.Duplicate, h => h.Opportunities.BatchCreateOpportunitiesAsync(new BatchCreateOpportunitiesRequest { Requests = { new CreateOpportunityRequest { Opportunity = Build.Placement("p"), OpportunityId = "same" }, new CreateOpportunityRequest { Opportunity = Build.Placement("p"), OpportunityId = "same" } } }).ResponseAsync },
        { "update_mask.paths[0]", ViolationReasons.NotChangeable, h => h.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = NewcomerWith(n => { n.Id = "x"; n.Version = 1; }), UpdateMask = new FieldMask { Paths = { "map_hours_done" } } }).ResponseAsync },
        { "newcomer.version", ViolationReasons.VersionRequired, h => h.Profiles.UpdateNewcomerAsync(new UpdateNewcomerRequest { Newcomer = NewcomerWith(n => n.Id = "x") }).ResponseAsync },
        { "caseworker_id", ViolationReasons.ConflictingFields, h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { MunicipalityCode = "GM0342", CaseworkerId = "km" }).ResponseAsync },
        { "reason", ViolationReasons.Required, h => h.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = "n", OpportunityId = "o", CaseworkerId = "km", Origin = ProposalOrigin.Override }).ResponseAsync },
        { "reason", ViolationReasons.NotAllowed, h => h.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = "n", OpportunityId = "o", CaseworkerId = "km", Origin = ProposalOrigin.Suggestion, RequestId = "r1", Reason = "x" }).ResponseAsync },
        { "name_query", ViolationReasons.TooLong, h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { NameQuery = new string('a', 101) }).ResponseAsync },
        { "page_token", ViolationReasons.InvalidPageToken, h => h.Profiles.ListNewcomersAsync(new ListNewcomersRequest { PageToken = "not-a-token" }).ResponseAsync },
        { "cursor", ViolationReasons.InvalidCursor, h => h.Matching.WatchMatches(new WatchMatchesRequest { Cursor = "not-a-cursor" }).ResponseStream.MoveNext(CancellationToken.None) },
        { "opportunity.buddy", ViolationReasons.NotAllowed, h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = PlacementWith(o => o.Buddy = new BuddyOffer()) }).ResponseAsync },
        { "opportunity.capacity", ViolationReasons.OutOfRange, h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = BuddyWith(o => o.Capacity = 4) }).ResponseAsync },
        { "opportunity.buddy.families_only", ViolationReasons.NotAllowed, h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = BuddyWith(o => o.Buddy.FamiliesOnly = true) }).ResponseAsync },
        { "opportunity.buddy.languages", ViolationReasons.Required, h => h.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = BuddyWith(o => { o.Buddy.Languages.Clear(); o.Buddy.SharedLanguageOnly = true; }) }).ResponseAsync },
        { "newcomer.inburgering_start", ViolationReasons.InvalidDate, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.InburgeringStart = new Google.Type.Date { Year = 2025, Month = 2, Day = 29 }) }).ResponseAsync },
        { "newcomer.inburgering_start", ViolationReasons.OutOfRange, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.InburgeringStart = new Google.Type.Date { Year = 2012, Month = 12, Day = 31 }) }).ResponseAsync },
        { "newcomer.household_id", ViolationReasons.InvalidId, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.HouseholdId = "huis 12") }).ResponseAsync },
        { "newcomer_id", ViolationReasons.Required, h => h.Matching.ListMatchesAsync(new ListMatchesRequest()).ResponseAsync },
        { "newcomer_id", ViolationReasons.ConflictingFields, h => h.Matching.ListMatchesAsync(new ListMatchesRequest { NewcomerId = "n", OpportunityId = "o" }).ResponseAsync },
        { "opportunity_id", ViolationReasons.ConflictingFields, h => h.Matching.ListMatchesAsync(new ListMatchesRequest { OpportunityId = "o", ProviderId = "p" }).ResponseAsync },
        { "states[0]", ViolationReasons.InvalidChoice, h => h.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = "p", States = { (MatchState)99 } }).ResponseAsync },
        { "states", ViolationReasons.TooMany, h => h.Matching.ListMatchesAsync(new ListMatchesRequest { ProviderId = "p", States = { Enumerable.Repeat(MatchState.Accepted, 8) } }).ResponseAsync },
        { "newcomer.caseworker_contact", ViolationReasons.TooLong, h => h.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = NewcomerWith(n => n.CaseworkerContact = new string('a', 201)) }).ResponseAsync },
        { "municipality_codes", ViolationReasons.Required, h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement, NewcomerIds = { "n1" } })) },
        { "newcomer_ids", ViolationReasons.TooMany, h => Drain(h.Matching.AssignCohort(new AssignCohortRequest { Kind = OpportunityKind.WorkPlacement, NewcomerIds = { Enumerable.Range(0, 20_001).Select(i => $"n{i}") }, OpportunityIds = { "o" } })) },
        { "kind", ViolationReasons.InvalidChoice, h => h.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = (OpportunityKind)9 }).ResponseAsync },
        { "municipality_code", ViolationReasons.ConflictingFields, h => h.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { CaseworkerId = "km", MunicipalityCode = "GM0342" }).ResponseAsync },
        { "newcomer_id", ViolationReasons.ConflictingFields, h => h.Matching.ListCaseloadWarningsAsync(new ListCaseloadWarningsRequest { MunicipalityCode = "GM0342", NewcomerId = "n" }).ResponseAsync },
        { "municipality_codes", ViolationReasons.TooMany, h => h.Matching.GetSupplyAndDemandAsync(new GetSupplyAndDemandRequest { MunicipalityCodes = { Enumerable.Repeat("GM0342", 51) } }).ResponseAsync },
        { "municipality_codes[1]", ViolationReasons.Duplicate, h => h.Matching.GetSupplyAndDemandAsync(new GetSupplyAndDemandRequest { MunicipalityCodes = { "GM0342", "GM0342" } }).ResponseAsync },
        { "municipality_codes", ViolationReasons.TooMany, h => h.Matching.ListOpeningsAsync(new ListOpeningsRequest { Kind = OpportunityKind.LanguageBuddy, MunicipalityCodes = { Enumerable.Repeat("GM0342", 51) } }).ResponseAsync },
    };

    /// <summary>RPCs whose request has no field, so no request to them can be bad.</summary>
    private static readonly string[] WithoutInput = ["GetModel", "GetModelCard", "StreamNewcomers", "StreamOpportunities", "StreamProviders", "ListMunicipalities"];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_request_is_invalid_argument_naming_the_field(string rpc, string field, Func<RunningHost, Task> call)
    {
        Assert.False(string.IsNullOrEmpty(rpc));
        await Expect.InvalidField(field, () => call(fixture.Host));
    }

    [Theory]
    [MemberData(nameof(ReasonCases))]
    public async Task Bad_field_has_the_reason_code_of_its_rule(string field, string reason, Func<RunningHost, Task> call) =>
        await Expect.InvalidField(field, reason, () => call(fixture.Host));

    /// <summary>Reasons given only to a row of a CSV import, never as a field of a call: each with the import that gives it.</summary>
    public static TheoryData<string, string, Func<RunningHost, Task<List<CsvImportProgress>>>> RowReasonCases => new()
    {
        { "aanbieder", ViolationReasons.UnknownProvider, h => CsvCalls.ImportAsync(h.Opportunities, CsvCalls.File(Build.Placement("no-such-provider"))) },
    };

    [Theory]
    [MemberData(nameof(RowReasonCases))]
    public async Task Bad_row_has_the_reason_code_of_its_rule(string column, string reason, Func<RunningHost, Task<List<CsvImportProgress>>> import)
    {
        var responses = await import(fixture.Host);
        Assert.Contains(responses.Errors(), e => (e.Row, e.Column, e.Reason) == (2, column, reason));
        Assert.Equal(0, responses[^1].RowsWritten);
    }

    [Fact]
    public void Every_reason_code_has_a_case() =>
        Assert.Equal(ViolationReasons.All.Order(), ReasonCases.Select(c => (string)c[1]).Concat(RowReasonCases.Select(c => (string)c[1])).Distinct().Order());

    [Fact]
    public void Every_rpc_has_a_bad_input_case()
    {
        var covered = Cases.Select(c => (string)c[0]).ToHashSet();
        var rpcs = new[] { ProfileService.Descriptor, OpportunityService.Descriptor, MatchingService.Descriptor, AuditService.Descriptor }.SelectMany(s => s.Methods).Select(m => m.Name);
        Assert.Equal([], rpcs.Where(rpc => !covered.Contains(rpc) && !WithoutInput.Contains(rpc)));
        Assert.Empty(GetModelRequest.Descriptor.Fields.InFieldNumberOrder());
        Assert.Empty(GetModelCardRequest.Descriptor.Fields.InFieldNumberOrder());
        Assert.Empty(ListMunicipalitiesRequest.Descriptor.Fields.InFieldNumberOrder());
    }

    private static async Task Drain<T>(Grpc.Core.AsyncServerStreamingCall<T> call)
    {
        using (call)
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
    }
}
