using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using static Grpc.Core.StatusCode;

namespace Newcomers.Integration.Tests;

/// <summary>
/// Broken object-level authorisation is the first API risk: every RPC, called by every role on its
/// own and on foreign objects. The policy: a role that may not call an RPC, or may not change an
/// object it can read, gets PERMISSION_DENIED; an object the caller may not see is NOT_FOUND, exactly
/// as one that does not exist. Writes that pass authorisation are sent with a stale version (or an
/// id already taken), so they answer ABORTED (or ALREADY_EXISTS) and change nothing.
/// </summary>
public sealed class AccessMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private const StatusCode Skip = (StatusCode)(-1);

    /// <summary>One probe: the RPC, which object, the call, and what each role gets (caseworker, coordinator, provider, platform, admin, service, policy).</summary>
    public sealed record Probe(string Rpc, string Target, Func<AccessWorld, Clients, Task> Call, StatusCode[] Expected)
    {
        public override string ToString() => $"{Rpc} on {Target}";
    }

    private static Probe P(string rpc, string target, Func<AccessWorld, Clients, Task> call, params StatusCode[] byRole) => new(rpc, target, call, byRole);

    private static Newcomer Stale(Newcomer n) => new(n) { Version = 99 };

    private const string UntitledPosting = """{ "@context": "https://schema.org", "@type": "JobPosting", "identifier": "vac-1", "employmentType": "INTERN" }""";

    public static readonly Probe[] Probes =
    [
        P("GetNewcomer", "own", (w, c) => c.Profiles.GetNewcomerAsync(new() { Id = w.OurNewcomer.Id }).ResponseAsync, OK, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("GetNewcomer", "foreign", (w, c) => c.Profiles.GetNewcomerAsync(new() { Id = w.ForeignNewcomer.Id }).ResponseAsync, NotFound, NotFound, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("CreateNewcomer", "foreign municipality", (w, c) => c.Profiles.CreateNewcomerAsync(new() { Newcomer = new Newcomer(w.ForeignNewcomer) { Id = "" } }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, Skip, PermissionDenied, PermissionDenied),
        P("CreateNewcomer", "own municipality, taken id", (w, c) => c.Profiles.CreateNewcomerAsync(new() { Newcomer = new Newcomer(w.OurNewcomer) { Id = "" }, NewcomerId = w.OurNewcomer.Id }).ResponseAsync, AlreadyExists, PermissionDenied, PermissionDenied, PermissionDenied, AlreadyExists, PermissionDenied, PermissionDenied),
        P("UpdateNewcomer", "own", (w, c) => c.Profiles.UpdateNewcomerAsync(new() { Newcomer = Stale(w.OurNewcomer) }).ResponseAsync, Aborted, PermissionDenied, PermissionDenied, PermissionDenied, Aborted, PermissionDenied, PermissionDenied),
        P("UpdateNewcomer", "foreign", (w, c) => c.Profiles.UpdateNewcomerAsync(new() { Newcomer = Stale(w.ForeignNewcomer) }).ResponseAsync, NotFound, PermissionDenied, PermissionDenied, PermissionDenied, Aborted, PermissionDenied, PermissionDenied),
        P("ListNewcomers", "own municipality", (w, c) => c.Profiles.ListNewcomersAsync(new() { MunicipalityCode = AccessWorld.Ours }).ResponseAsync, OK, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListNewcomers", "foreign municipality", (w, c) => c.Profiles.ListNewcomersAsync(new() { MunicipalityCode = AccessWorld.Foreign }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("UpdateConsent", "own", (w, c) => c.Profiles.UpdateConsentAsync(new() { Id = w.OurNewcomer.Id, Consent = new Consent(), Version = 99 }).ResponseAsync, Aborted, PermissionDenied, PermissionDenied, PermissionDenied, Aborted, PermissionDenied, PermissionDenied),
        P("UpdateConsent", "foreign", (w, c) => c.Profiles.UpdateConsentAsync(new() { Id = w.ForeignNewcomer.Id, Consent = new Consent(), Version = 99 }).ResponseAsync, NotFound, PermissionDenied, PermissionDenied, PermissionDenied, Aborted, PermissionDenied, PermissionDenied),
        P("EraseNewcomer", "foreign", (w, c) => c.Profiles.EraseNewcomerAsync(new() { Id = w.ForeignNewcomer.Id }).ResponseAsync, NotFound, PermissionDenied, PermissionDenied, PermissionDenied, Skip, PermissionDenied, PermissionDenied),
        P("EraseNewcomer", "missing", (w, c) => c.Profiles.EraseNewcomerAsync(new() { Id = "no-such-newcomer" }).ResponseAsync, NotFound, PermissionDenied, PermissionDenied, PermissionDenied, NotFound, PermissionDenied, PermissionDenied),
        P("GetProtectedAttributes", "foreign", (w, c) => c.Profiles.GetProtectedAttributesAsync(new() { NewcomerId = w.ForeignNewcomer.Id }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, NotFound, PermissionDenied, PermissionDenied),
        P("SetProtectedAttributes", "own", (w, c) => c.Profiles.SetProtectedAttributesAsync(new() { Attributes = new() { NewcomerId = w.OurNewcomer.Id, BirthYear = 1800 } }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, InvalidArgument, PermissionDenied, PermissionDenied),
        P("GetProtectedAttributes", "own", (w, c) => c.Profiles.GetProtectedAttributesAsync(new() { NewcomerId = w.OurNewcomer.Id }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, NotFound, PermissionDenied, PermissionDenied),
        P("ExportNewcomer", "own", (w, c) => c.Profiles.ExportNewcomerAsync(new() { Id = w.OurNewcomer.Id }).ResponseAsync, OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ExportNewcomer", "foreign", (w, c) => c.Profiles.ExportNewcomerAsync(new() { Id = w.ForeignNewcomer.Id }).ResponseAsync, NotFound, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListNewcomerHistory", "own", (w, c) => c.Profiles.ListNewcomerHistoryAsync(new() { NewcomerId = w.OurNewcomer.Id }).ResponseAsync, OK, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListNewcomerHistory", "foreign", (w, c) => c.Profiles.ListNewcomerHistoryAsync(new() { NewcomerId = w.ForeignNewcomer.Id }).ResponseAsync, NotFound, NotFound, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("LookupPostcode", "missing", (w, c) => c.Profiles.LookupPostcodeAsync(new() { Postcode = "9999" }).ResponseAsync, NotFound, NotFound, NotFound, NotFound, NotFound, PermissionDenied, PermissionDenied),
        P("ListMunicipalities", "all", (w, c) => c.Profiles.ListMunicipalitiesAsync(new()).ResponseAsync, OK, OK, OK, OK, OK, PermissionDenied, OK),
        // Aggregates only: with the model card (GetModelCard), the policy role's RPCs besides the public municipality names.
        P("GetMonitoringFigures", "own municipality", (w, c) => c.Profiles.GetMonitoringFiguresAsync(new() { MunicipalityCodes = { AccessWorld.Ours }, FromMonth = AccessWorld.ThisMonth, ToMonth = AccessWorld.ThisMonth }).ResponseAsync, OK, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, OK),
        P("GetMonitoringFigures", "foreign municipality", (w, c) => c.Profiles.GetMonitoringFiguresAsync(new() { MunicipalityCodes = { AccessWorld.Foreign }, FromMonth = AccessWorld.ThisMonth, ToMonth = AccessWorld.ThisMonth }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("GetMonitoringFigures", "own and foreign municipality", (w, c) => c.Profiles.GetMonitoringFiguresAsync(new() { MunicipalityCodes = { AccessWorld.Ours, AccessWorld.Foreign }, FromMonth = AccessWorld.ThisMonth, ToMonth = AccessWorld.ThisMonth }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("GetMonitoringFigures", "every municipality of the caller, with the region", (w, c) => c.Profiles.GetMonitoringFiguresAsync(new() { IncludeRegion = true, FromMonth = AccessWorld.ThisMonth, ToMonth = AccessWorld.ThisMonth }).ResponseAsync, OK, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, OK),
        P("StreamNewcomerMatches", "own", (w, c) => c.Matching.StreamNewcomerMatches(new() { NewcomerIds = { w.OurNewcomer.Id } }).ResponseStream.MoveNext(CancellationToken.None), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, OK, PermissionDenied),
        P("StreamNewcomerMatches", "foreign", (w, c) => c.Matching.StreamNewcomerMatches(new() { NewcomerIds = { w.ForeignNewcomer.Id } }).ResponseStream.MoveNext(CancellationToken.None), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, OK, PermissionDenied),
        // Protected attributes for the fairness report: admins and the matching service only. The report itself: admins only (it spans every municipality).
        P("StreamProtectedAttributesForAudit", "all consented", (w, c) => c.Profiles.StreamProtectedAttributesForAudit(new() { Reason = "access check" }).ResponseStream.MoveNext(CancellationToken.None), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, OK, PermissionDenied),
        P("GetFairnessReport", "every ranker", (w, c) => c.Matching.GetFairnessReportAsync(new()).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ExportNewcomerMatches", "own", (w, c) => c.Matching.ExportNewcomerMatchesAsync(new() { NewcomerId = w.OurNewcomer.Id }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, OK, PermissionDenied),
        P("CreateProvider", "foreign platform", (w, c) => c.Opportunities.CreateProviderAsync(new() { Provider = new() { Name = "X", Kind = ProviderKind.Employer, MunicipalityCode = AccessWorld.Ours, PlatformId = "platform-2" } }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, Skip, PermissionDenied, PermissionDenied),
        P("GetProvider", "foreign", (w, c) => c.Opportunities.GetProviderAsync(new() { Id = w.ForeignProvider.Id }).ResponseAsync, OK, OK, OK, OK, OK, OK, PermissionDenied),
        P("UpdateProvider", "own", (w, c) => c.Opportunities.UpdateProviderAsync(new() { Provider = new Provider(w.OurProvider) { Version = 99 } }).ResponseAsync, PermissionDenied, PermissionDenied, Aborted, Aborted, Aborted, PermissionDenied, PermissionDenied),
        P("UpdateProvider", "foreign", (w, c) => c.Opportunities.UpdateProviderAsync(new() { Provider = new Provider(w.ForeignProvider) { Version = 99 } }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, Aborted, PermissionDenied, PermissionDenied),
        P("ListProviders", "all", (w, c) => c.Opportunities.ListProvidersAsync(new()).ResponseAsync, OK, OK, OK, OK, OK, OK, PermissionDenied),
        P("GetProvider", "own", (w, c) => c.Opportunities.GetProviderAsync(new() { Id = w.OurProvider.Id }).ResponseAsync, OK, OK, OK, OK, OK, OK, PermissionDenied),
        P("DeleteProvider", "own, with opportunities", (w, c) => c.Opportunities.DeleteProviderAsync(new() { Id = w.OurProvider.Id }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, FailedPrecondition, FailedPrecondition, PermissionDenied, PermissionDenied),
        P("DeleteProvider", "foreign", (w, c) => c.Opportunities.DeleteProviderAsync(new() { Id = w.ForeignProvider.Id }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, FailedPrecondition, PermissionDenied, PermissionDenied),
        P("CreateOpportunity", "foreign provider", (w, c) => c.Opportunities.CreateOpportunityAsync(new() { Opportunity = Build.Placement(w.ForeignProvider.Id) }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, Skip, PermissionDenied, PermissionDenied),
        P("CreateOpportunity", "own provider, taken id", (w, c) => c.Opportunities.CreateOpportunityAsync(new() { Opportunity = Build.Placement(w.OurProvider.Id), OpportunityId = w.OurPlacement.Id }).ResponseAsync, PermissionDenied, PermissionDenied, AlreadyExists, AlreadyExists, AlreadyExists, PermissionDenied, PermissionDenied),
        P("BatchCreateOpportunities", "foreign provider", (w, c) => c.Opportunities.BatchCreateOpportunitiesAsync(new() { Requests = { new CreateOpportunityRequest { Opportunity = Build.Placement(w.ForeignProvider.Id) } } }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, Skip, PermissionDenied, PermissionDenied),
        P("ExportJobPosting", "own", (w, c) => c.Opportunities.ExportJobPostingAsync(new() { Id = w.OurPlacement.Id }).ResponseAsync, OK, OK, OK, OK, OK, OK, PermissionDenied),
        P("ExportJobPosting", "foreign", (w, c) => c.Opportunities.ExportJobPostingAsync(new() { Id = w.ForeignPlacement.Id }).ResponseAsync, OK, OK, OK, OK, OK, OK, PermissionDenied),
        // A posting without a title: refused after authorisation, so it writes nothing.
        P("ImportJobPosting", "own provider, no title", (w, c) => c.Opportunities.ImportJobPostingAsync(new() { ProviderId = w.OurProvider.Id, JsonLd = UntitledPosting }).ResponseAsync, PermissionDenied, PermissionDenied, InvalidArgument, InvalidArgument, InvalidArgument, PermissionDenied, PermissionDenied),
        P("ImportJobPosting", "foreign provider, no title", (w, c) => c.Opportunities.ImportJobPostingAsync(new() { ProviderId = w.ForeignProvider.Id, JsonLd = UntitledPosting }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, InvalidArgument, PermissionDenied, PermissionDenied),
        // An empty partial feed changes nothing, so those allowed to send it answer OK.
        P("SyncOpportunities", "own provider, empty partial feed", (w, c) => Feeds.SendAsync(c.Opportunities, w.OurProvider.Id, SyncMode.Partial, []), PermissionDenied, PermissionDenied, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("SyncOpportunities", "foreign provider, empty partial feed", (w, c) => Feeds.SendAsync(c.Opportunities, w.ForeignProvider.Id, SyncMode.Partial, []), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("SyncOpportunityFeed", "own provider, empty partial feed", (w, c) => c.Opportunities.SyncOpportunityFeedAsync(new() { ProviderId = w.OurProvider.Id, Mode = SyncMode.Partial }).ResponseAsync, PermissionDenied, PermissionDenied, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("SyncOpportunityFeed", "foreign provider, empty partial feed", (w, c) => c.Opportunities.SyncOpportunityFeedAsync(new() { ProviderId = w.ForeignProvider.Id, Mode = SyncMode.Partial }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("GetOpportunity", "foreign", (w, c) => c.Opportunities.GetOpportunityAsync(new() { Id = w.ForeignPlacement.Id }).ResponseAsync, OK, OK, OK, OK, OK, OK, PermissionDenied),
        P("UpdateOpportunity", "own", (w, c) => c.Opportunities.UpdateOpportunityAsync(new() { Opportunity = new Opportunity(w.OurPlacement) { Version = 99 } }).ResponseAsync, PermissionDenied, PermissionDenied, Aborted, Aborted, Aborted, PermissionDenied, PermissionDenied),
        P("UpdateOpportunity", "foreign", (w, c) => c.Opportunities.UpdateOpportunityAsync(new() { Opportunity = new Opportunity(w.ForeignPlacement) { Version = 99 } }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, Aborted, PermissionDenied, PermissionDenied),
        P("ListOpportunities", "all", (w, c) => c.Opportunities.ListOpportunitiesAsync(new()).ResponseAsync, OK, OK, OK, OK, OK, OK, PermissionDenied),
        P("BatchCreateOpportunities", "own provider, taken id", (w, c) => c.Opportunities.BatchCreateOpportunitiesAsync(new() { Requests = { new CreateOpportunityRequest { Opportunity = Build.Placement(w.OurProvider.Id), OpportunityId = w.OurPlacement.Id } } }).ResponseAsync, PermissionDenied, PermissionDenied, AlreadyExists, AlreadyExists, AlreadyExists, PermissionDenied, PermissionDenied),
        P("DeleteOpportunity", "missing", (w, c) => c.Opportunities.DeleteOpportunityAsync(new() { Id = "no-such-opportunity" }).ResponseAsync, PermissionDenied, PermissionDenied, NotFound, NotFound, NotFound, PermissionDenied, PermissionDenied),
        P("DeleteOpportunity", "foreign", (w, c) => c.Opportunities.DeleteOpportunityAsync(new() { Id = w.ForeignPlacement.Id }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, Skip, PermissionDenied, PermissionDenied),
        P("RecommendOpportunities", "own", (w, c) => c.Matching.RecommendOpportunitiesAsync(new() { NewcomerId = w.OurNewcomer.Id }).ResponseAsync, OK, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("RecommendOpportunities", "foreign", (w, c) => c.Matching.RecommendOpportunitiesAsync(new() { NewcomerId = w.ForeignNewcomer.Id }).ResponseAsync, NotFound, NotFound, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("GetPipGuidance", "own", (w, c) => c.Matching.GetPipGuidanceAsync(new() { NewcomerId = w.OurNewcomer.Id }).ResponseAsync, OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("GetPipGuidance", "foreign", (w, c) => c.Matching.GetPipGuidanceAsync(new() { NewcomerId = w.ForeignNewcomer.Id }).ResponseAsync, NotFound, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("RecommendNewcomers", "own", (w, c) => c.Matching.RecommendNewcomersAsync(new() { OpportunityId = w.OurPlacement.Id }).ResponseAsync, OK, PermissionDenied, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("RecommendNewcomers", "own buddy", (w, c) => c.Matching.RecommendNewcomersAsync(new() { OpportunityId = w.OurBuddy.Id }).ResponseAsync, OK, OK, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("RecommendNewcomers", "foreign", (w, c) => c.Matching.RecommendNewcomersAsync(new() { OpportunityId = w.ForeignPlacement.Id }).ResponseAsync, OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ProposeMatch", "own", (w, c) => c.Matching.ProposeMatchAsync(new() { NewcomerId = w.OurNewcomer.Id, OpportunityId = w.OurPlacement.Id, CaseworkerId = "km" }).ResponseAsync, AlreadyExists, PermissionDenied, PermissionDenied, PermissionDenied, AlreadyExists, PermissionDenied, PermissionDenied),
        P("ProposeMatch", "foreign", (w, c) => c.Matching.ProposeMatchAsync(new() { NewcomerId = w.ForeignNewcomer.Id, OpportunityId = w.ForeignPlacement.Id, CaseworkerId = "km" }).ResponseAsync, NotFound, NotFound, PermissionDenied, PermissionDenied, AlreadyExists, PermissionDenied, PermissionDenied),
        P("RespondToMatch", "own, as provider", (w, c) => c.Matching.RespondToMatchAsync(new() { MatchId = w.OurMatch.Id, Party = Party.Provider, Accept = true, Version = 99 }).ResponseAsync, PermissionDenied, NotFound, Aborted, Aborted, Aborted, PermissionDenied, PermissionDenied),
        P("RespondToMatch", "own, for the newcomer", (w, c) => c.Matching.RespondToMatchAsync(new() { MatchId = w.OurMatch.Id, Party = Party.Newcomer, Accept = true, Version = 99 }).ResponseAsync, Aborted, NotFound, PermissionDenied, PermissionDenied, Aborted, PermissionDenied, PermissionDenied),
        P("RespondToMatch", "foreign", (w, c) => c.Matching.RespondToMatchAsync(new() { MatchId = w.ForeignMatch.Id, Party = Party.Provider, Accept = true, Version = 99 }).ResponseAsync, NotFound, NotFound, NotFound, NotFound, Aborted, PermissionDenied, PermissionDenied),
        P("RecordOutcome", "own", (w, c) => c.Matching.RecordOutcomeAsync(new() { MatchId = w.OurMatch.Id, Outcome = Outcome.Started, Version = 99 }).ResponseAsync, Aborted, NotFound, Aborted, Aborted, Aborted, PermissionDenied, PermissionDenied),
        P("RecordOutcome", "foreign", (w, c) => c.Matching.RecordOutcomeAsync(new() { MatchId = w.ForeignMatch.Id, Outcome = Outcome.Started, Version = 99 }).ResponseAsync, NotFound, NotFound, NotFound, NotFound, Aborted, PermissionDenied, PermissionDenied),
        P("GetMatch", "own", (w, c) => c.Matching.GetMatchAsync(new() { Id = w.OurMatch.Id }).ResponseAsync, OK, NotFound, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("GetMatch", "foreign", (w, c) => c.Matching.GetMatchAsync(new() { Id = w.ForeignMatch.Id }).ResponseAsync, NotFound, NotFound, NotFound, NotFound, OK, PermissionDenied, PermissionDenied),
        P("ListMatches", "own newcomer", (w, c) => c.Matching.ListMatchesAsync(new() { NewcomerId = w.OurNewcomer.Id }).ResponseAsync, OK, OK, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("ListMatches", "foreign newcomer", (w, c) => c.Matching.ListMatchesAsync(new() { NewcomerId = w.ForeignNewcomer.Id }).ResponseAsync, NotFound, NotFound, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("ListMatches", "own opportunity", (w, c) => c.Matching.ListMatchesAsync(new() { OpportunityId = w.OurPlacement.Id }).ResponseAsync, OK, OK, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("ListMatches", "foreign opportunity", (w, c) => c.Matching.ListMatchesAsync(new() { OpportunityId = w.ForeignPlacement.Id }).ResponseAsync, OK, OK, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("ListMatches", "own provider", (w, c) => c.Matching.ListMatchesAsync(new() { ProviderId = w.OurProvider.Id, States = { MatchState.Proposed } }).ResponseAsync, OK, OK, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("ListMatches", "foreign provider", (w, c) => c.Matching.ListMatchesAsync(new() { ProviderId = w.ForeignProvider.Id }).ResponseAsync, OK, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        // The match is only proposed: whoever may ask for its contact is told that both sides must accept first.
        P("GetMatchContact", "own", (w, c) => c.Matching.GetMatchContactAsync(new() { MatchId = w.OurMatch.Id }).ResponseAsync, PermissionDenied, PermissionDenied, FailedPrecondition, FailedPrecondition, FailedPrecondition, PermissionDenied, PermissionDenied),
        P("GetMatchContact", "foreign", (w, c) => c.Matching.GetMatchContactAsync(new() { MatchId = w.ForeignMatch.Id }).ResponseAsync, PermissionDenied, PermissionDenied, NotFound, NotFound, FailedPrecondition, PermissionDenied, PermissionDenied),
        P("GetNewcomerContact", "own", (w, c) => c.Profiles.GetNewcomerContactAsync(new() { NewcomerId = w.OurNewcomer.Id }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, OK, PermissionDenied),
        P("GetNewcomerContact", "missing", (w, c) => c.Profiles.GetNewcomerContactAsync(new() { NewcomerId = "no-such-newcomer" }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, NotFound, NotFound, PermissionDenied),
        P("ListOpenings", "own municipality", (w, c) => c.Matching.ListOpeningsAsync(new() { Kind = OpportunityKind.LanguageBuddy, MunicipalityCodes = { AccessWorld.Ours } }).ResponseAsync, OK, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListOpenings", "foreign municipality", (w, c) => c.Matching.ListOpeningsAsync(new() { Kind = OpportunityKind.LanguageBuddy, MunicipalityCodes = { AccessWorld.Foreign } }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListOpenings", "work placements", (w, c) => c.Matching.ListOpeningsAsync(new() { Kind = OpportunityKind.WorkPlacement }).ResponseAsync, OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        // Aggregates for recruiting: coordinators (every kind) and admins; policy staff see the monitoring figures instead.
        P("GetSupplyAndDemand", "own municipality", (w, c) => c.Matching.GetSupplyAndDemandAsync(new() { MunicipalityCodes = { AccessWorld.Ours } }).ResponseAsync, PermissionDenied, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("GetSupplyAndDemand", "foreign municipality", (w, c) => c.Matching.GetSupplyAndDemandAsync(new() { MunicipalityCodes = { AccessWorld.Foreign } }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("GetSupplyAndDemand", "every municipality of the caller, work placements", (w, c) => c.Matching.GetSupplyAndDemandAsync(new() { Kind = OpportunityKind.WorkPlacement }).ResponseAsync, PermissionDenied, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListCaseloadWarnings", "own caseload", (w, c) => c.Matching.ListCaseloadWarningsAsync(new()).ResponseAsync, OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListCaseloadWarnings", "own municipality", (w, c) => c.Matching.ListCaseloadWarningsAsync(new() { MunicipalityCode = AccessWorld.Ours }).ResponseAsync, OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListCaseloadWarnings", "foreign municipality", (w, c) => c.Matching.ListCaseloadWarningsAsync(new() { MunicipalityCode = AccessWorld.Foreign }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListCaseloadWarnings", "own newcomer", (w, c) => c.Matching.ListCaseloadWarningsAsync(new() { NewcomerId = w.OurNewcomer.Id }).ResponseAsync, OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListCaseloadWarnings", "foreign newcomer", (w, c) => c.Matching.ListCaseloadWarningsAsync(new() { NewcomerId = w.ForeignNewcomer.Id }).ResponseAsync, NotFound, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ListCaseloadWarnings", "foreign caseworker", (w, c) => c.Matching.ListCaseloadWarningsAsync(new() { CaseworkerId = w.ForeignNewcomer.CaseworkerId }).ResponseAsync, OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        // Allowed callers wait for changes until the deadline; the others are refused at once (well within it, even on a busy machine).
        P("WatchMatches", "own provider", (w, c) => c.Matching.WatchMatches(new() { ProviderId = w.OurProvider.Id }, deadline: DateTime.UtcNow.AddMilliseconds(1000)).ResponseStream.MoveNext(CancellationToken.None), DeadlineExceeded, DeadlineExceeded, DeadlineExceeded, DeadlineExceeded, DeadlineExceeded, PermissionDenied, PermissionDenied),
        P("WatchMatches", "foreign provider", (w, c) => c.Matching.WatchMatches(new() { ProviderId = w.ForeignProvider.Id }, deadline: DateTime.UtcNow.AddMilliseconds(1000)).ResponseStream.MoveNext(CancellationToken.None), DeadlineExceeded, DeadlineExceeded, PermissionDenied, PermissionDenied, DeadlineExceeded, PermissionDenied, PermissionDenied),
        P("AssignCohort", "own municipality, buddies", (w, c) => Drain(c.Matching.AssignCohort(new() { Kind = OpportunityKind.LanguageBuddy, MunicipalityCodes = { AccessWorld.Ours } })), OK, OK, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("AssignCohort", "foreign municipality", (w, c) => Drain(c.Matching.AssignCohort(new() { Kind = OpportunityKind.WorkPlacement, MunicipalityCodes = { AccessWorld.Foreign } })), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("AssignCohort", "foreign newcomer", (w, c) => Drain(c.Matching.AssignCohort(new() { Kind = OpportunityKind.WorkPlacement, NewcomerIds = { w.ForeignNewcomer.Id }, OpportunityIds = { w.OurPlacement.Id } })), NotFound, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("TrainModel", "model", (w, c) => c.Matching.TrainModel(new() { Source = TrainingSource.Simulator, Groups = 50_001 }).ResponseStream.MoveNext(CancellationToken.None), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, InvalidArgument, PermissionDenied, PermissionDenied),
        // What the register publishes: admins, and the policy staff who publish it.
        P("GetModelCard", "model card", (w, c) => c.Matching.GetModelCardAsync(new()).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, OK),
        P("GetModel", "model", (w, c) => c.Matching.GetModelAsync(new()).ResponseAsync, NotFound, NotFound, NotFound, NotFound, NotFound, PermissionDenied, PermissionDenied),
        P("ListModelVersions", "models", (w, c) => c.Matching.ListModelVersionsAsync(new()).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ImportNewcomers", "own municipality, taken id", (w, c) => CsvCalls.ImportAsync(c.Profiles, CsvCalls.File(w.OurNewcomer)), OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ImportNewcomers", "foreign municipality, taken id", (w, c) => CsvCalls.ImportAsync(c.Profiles, CsvCalls.File(w.ForeignNewcomer)), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ExportNewcomers", "own municipality", (w, c) => CsvCalls.ExportAsync(c.Profiles, AccessWorld.Ours), OK, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ExportNewcomers", "foreign municipality", (w, c) => CsvCalls.ExportAsync(c.Profiles, AccessWorld.Foreign), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ImportOpportunities", "own provider, taken id", (w, c) => CsvCalls.ImportAsync(c.Opportunities, CsvCalls.File(w.OurPlacement)), PermissionDenied, PermissionDenied, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("ImportOpportunities", "foreign provider, taken id", (w, c) => CsvCalls.ImportAsync(c.Opportunities, CsvCalls.File(w.ForeignPlacement)), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ExportOpportunities", "own provider", (w, c) => CsvCalls.ExportChunksAsync(c.Opportunities, w.OurProvider.Id), PermissionDenied, PermissionDenied, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("ExportOpportunities", "foreign provider", (w, c) => CsvCalls.ExportChunksAsync(c.Opportunities, w.ForeignProvider.Id), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("ExportOpportunities", "every provider of the caller", (w, c) => CsvCalls.ExportChunksAsync(c.Opportunities), PermissionDenied, PermissionDenied, OK, OK, OK, PermissionDenied, PermissionDenied),
        P("StreamNewcomers", "all", (w, c) => c.Profiles.StreamNewcomers(new()).ResponseStream.MoveNext(CancellationToken.None), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, OK, PermissionDenied),
        P("StreamOpportunities", "all", (w, c) => c.Opportunities.StreamOpportunities(new()).ResponseStream.MoveNext(CancellationToken.None), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, OK, PermissionDenied),
        P("StreamProviders", "all", (w, c) => c.Opportunities.StreamProviders(new()).ResponseStream.MoveNext(CancellationToken.None), PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, OK, PermissionDenied),
        P("ListAuditEntries", "own newcomer", (w, c) => new AuditService.AuditServiceClient(c.Channel).ListAuditEntriesAsync(new() { Record = $"newcomers/{w.OurNewcomer.Id}" }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, OK, PermissionDenied, PermissionDenied),
        P("EvaluateModel", "model", (w, c) => c.Matching.EvaluateModelAsync(new() { Source = TrainingSource.Simulator, Groups = 10 }).ResponseAsync, PermissionDenied, PermissionDenied, PermissionDenied, PermissionDenied, NotFound, PermissionDenied, PermissionDenied),
    ];

    private static readonly string[] RoleOrder = [Roles.Caseworker, Roles.Coordinator, Roles.Provider, Roles.Platform, Roles.Admin, Roles.Service, Roles.Policy];

    public static TheoryData<Probe, string> Cases()
    {
        var data = new TheoryData<Probe, string>();
        foreach (var probe in Probes)
            for (var r = 0; r < RoleOrder.Length; r++)
                if (probe.Expected[r] != Skip) data.Add(probe, RoleOrder[r]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_role_gets_what_the_policy_says(Probe probe, string role)
    {
        var expected = probe.Expected[Array.IndexOf(RoleOrder, role)];
        var actual = OK;
        try
        {
            await probe.Call(world, world.As[role]);
        }
        catch (RpcException e)
        {
            actual = e.StatusCode;
        }
        Assert.True(expected == actual, $"{probe} as {role}: expected {expected}, got {actual}");
    }

    [Fact]
    public void Every_rpc_is_probed()
    {
        var rpcs = new[] { ProfileService.Descriptor, OpportunityService.Descriptor, MatchingService.Descriptor, AuditService.Descriptor }.SelectMany(s => s.Methods).Select(m => m.Name);
        Assert.Equal([], rpcs.Except(Probes.Select(p => p.Rpc)));
    }

    [Fact]
    public async Task Providers_see_candidates_only_pseudonymised_and_staff_only_their_municipalities()
    {
        var forProvider = await world.As[Roles.Provider].Matching.RecommendNewcomersAsync(new() { OpportunityId = world.OurPlacement.Id, Limit = 100 });
        Assert.NotEmpty(forProvider.Suggestions);
        Assert.All(forProvider.Suggestions, s =>
        {
            Assert.Equal("", s.NewcomerId);
            Assert.StartsWith("cand-", s.Candidate.Pseudonym, StringComparison.Ordinal);
            Assert.All(s.Reasons, r => Assert.Contains(r.Kind, new[] { ReasonKind.DutchLevel, ReasonKind.Skills, ReasonKind.Availability, ReasonKind.LanguageSupport, ReasonKind.Timing, ReasonKind.PlacesLeft }));
        });
        var match = await world.As[Roles.Provider].Matching.GetMatchAsync(new() { Id = world.OurMatch.Id });
        Assert.StartsWith("cand-", match.NewcomerId, StringComparison.Ordinal);
        Assert.Equal(world.OurMatch.Id, match.Id);

        // Once the newcomer consents to sharing, the provider of a proposed match sees who it is.
        await world.Host.Profiles.UpdateConsentAsync(new() { Id = world.OurNewcomer.Id, Consent = new Consent { Matching = true, ShareWithProviders = true } });
        Assert.Equal(world.OurNewcomer.Id, (await world.As[Roles.Provider].Matching.GetMatchAsync(new() { Id = world.OurMatch.Id })).NewcomerId);
        await world.Host.Profiles.UpdateConsentAsync(new() { Id = world.OurNewcomer.Id, Consent = new Consent { Matching = true, ShareWithProviders = false } });
        Assert.StartsWith("cand-", (await world.As[Roles.Provider].Matching.GetMatchAsync(new() { Id = world.OurMatch.Id })).NewcomerId, StringComparison.Ordinal);

        // Listing by opportunity shows a provider the matches of its own opportunities only.
        Assert.Contains((await world.As[Roles.Provider].Matching.ListMatchesAsync(new() { OpportunityId = world.OurPlacement.Id })).Matches, m => m.Id == world.OurMatch.Id);
        Assert.Empty((await world.As[Roles.Provider].Matching.ListMatchesAsync(new() { OpportunityId = world.ForeignPlacement.Id })).Matches);
        Assert.Empty((await world.As[Roles.Caseworker].Matching.ListMatchesAsync(new() { OpportunityId = world.ForeignPlacement.Id })).Matches);

        var forCaseworker = await world.As[Roles.Caseworker].Matching.RecommendNewcomersAsync(new() { OpportunityId = world.ForeignPlacement.Id, Limit = 100 });
        Assert.DoesNotContain(forCaseworker.Suggestions, s => s.NewcomerId == world.ForeignNewcomer.Id);
        var listed = await world.As[Roles.Caseworker].Profiles.ListNewcomersAsync(new() { CaseworkerId = "soest-km-1" });
        Assert.All(listed.Newcomers, n => Assert.Equal(AccessWorld.Ours, n.MunicipalityCode));
    }

    [Fact]
    public async Task A_platform_watches_the_matches_of_the_organisations_it_represents_and_no_others()
    {
        using var platform = world.Host.As(Roles.Platform, platform: AccessWorld.Platform);
        using var watch = platform.Matching.WatchMatches(new WatchMatchesRequest());
        var next = watch.ResponseStream.MoveNext(CancellationToken.None);

        // A match elsewhere, then one on an opportunity of a provider the platform represents.
        var elsewhere = await world.Host.Opportunities.CreateOpportunityAsync(new() { Opportunity = Build.Placement(world.ForeignProvider.Id) });
        await world.Host.Matching.ProposeMatchAsync(new() { NewcomerId = world.ForeignNewcomer.Id, OpportunityId = elsewhere.Id, CaseworkerId = "km" });
        var ours = await world.Host.Opportunities.CreateOpportunityAsync(new() { Opportunity = Build.Placement(world.OurProvider.Id) });
        var proposed = await world.Host.Matching.ProposeMatchAsync(new() { NewcomerId = world.OurNewcomer.Id, OpportunityId = ours.Id, CaseworkerId = "km" });

        Assert.True(await next.WaitAsync(TimeSpan.FromSeconds(10)));
        var seen = watch.ResponseStream.Current.Match;
        Assert.Equal((proposed.Id, MatchState.Proposed), (seen.Id, seen.State));
        Assert.StartsWith("cand-", seen.NewcomerId, StringComparison.Ordinal);

        await world.Host.Matching.RespondToMatchAsync(new() { MatchId = proposed.Id, Party = Party.Newcomer, Accept = false, ReasonCode = EndReason.Travel, Reason = "te ver" });
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)));
        var declined = watch.ResponseStream.Current.Match;
        Assert.Equal((proposed.Id, MatchState.Declined, "", EndReason.Travel), (declined.Id, declined.State, declined.Reason, declined.ReasonCode));
    }

    [Fact]
    public async Task A_provider_does_not_read_why_the_newcomer_declined_in_words_nor_a_code_about_the_newcomers_life()
    {
        var placement = await world.Host.Opportunities.CreateOpportunityAsync(new() { Opportunity = Build.Placement(world.OurPlacement.ProviderId) });
        var match = await world.Host.Matching.ProposeMatchAsync(new() { NewcomerId = world.OurNewcomer.Id, OpportunityId = placement.Id, CaseworkerId = "soest-km-1" });
        await world.Host.Matching.RespondToMatchAsync(new() { MatchId = match.Id, Party = Party.Newcomer, Accept = false, ReasonCode = EndReason.HealthOrCare, Reason = "medische redenen" });

        var seen = await world.As[Roles.Provider].Matching.GetMatchAsync(new() { Id = match.Id });

        Assert.Equal((MatchState.Declined, Party.Newcomer, "", EndReason.Unspecified), (seen.State, seen.DeclinedBy, seen.Reason, seen.ReasonCode));
        var staff = await world.As[Roles.Caseworker].Matching.GetMatchAsync(new() { Id = match.Id });
        Assert.Equal(("medische redenen", EndReason.HealthOrCare), (staff.Reason, staff.ReasonCode));
    }

    [Fact]
    public async Task A_foreign_newcomer_looks_exactly_like_one_that_does_not_exist()
    {
        var foreign = await Assert.ThrowsAsync<RpcException>(() => world.As[Roles.Caseworker].Profiles.GetNewcomerAsync(new() { Id = world.ForeignNewcomer.Id }).ResponseAsync);
        var missing = await Assert.ThrowsAsync<RpcException>(() => world.As[Roles.Caseworker].Profiles.GetNewcomerAsync(new() { Id = "no-such-newcomer" }).ResponseAsync);
        Assert.Equal(missing.StatusCode, foreign.StatusCode);
        Assert.Equal(missing.Status.Detail.Replace("no-such-newcomer", "ID", StringComparison.Ordinal), foreign.Status.Detail.Replace(world.ForeignNewcomer.Id, "ID", StringComparison.Ordinal));
    }

    private static async Task Drain<T>(AsyncServerStreamingCall<T> call)
    {
        using (call)
            while (await call.ResponseStream.MoveNext(CancellationToken.None))
            {
            }
    }
}
