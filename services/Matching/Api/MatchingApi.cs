using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Newcomers.BuildingBlocks.Api;
using Newcomers.BuildingBlocks.Audit;
using Newcomers.BuildingBlocks.Validation;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Cohorts;
using Newcomers.Matching.Contact;
using Newcomers.Matching.Domain;
using Newcomers.Matching.Learning;
using Newcomers.Matching.ReadModel;
using Newcomers.Matching.Storage;

namespace Newcomers.Matching.Api;

/// <summary>
/// The gRPC face of the Matching service, one service in parts by concern: recommendations
/// (MatchingApi.Recommendations.cs), matches (MatchingApi.Matches.cs), the contact of an accepted
/// match (MatchingApi.Contact.cs), watching matches (MatchingApi.Watch.cs), openings (MatchingApi.Openings.cs), cohort assignment (MatchingApi.Cohorts.cs), a caseload's early warnings (MatchingApi.Warnings.cs), the regional supply and demand (MatchingApi.Supply.cs), guidance for the PIP (MatchingApi.Guidance.cs) and ranking models
/// (MatchingApi.Models.cs) with their fairness (MatchingApi.Fairness.cs). Who may do what is in <see cref="MatchAccess"/>.
/// </summary>
public sealed partial class MatchingApi(MatchingReadModel model, Recommender recommender, MatchStore store, ModelTraining training, ModelRegistry registry,
    MatchAccess access, CohortAssigner cohorts, AuditTrail audit, MatchFeed feed, MatchChangeLog changeLog, MatchHistoryExport history, IContactSource contacts, Pages pages, WatchCursors cursors, TimeProvider clock,
    Microsoft.Extensions.Options.IOptionsMonitor<WarningOptions> warningOptions, SupplyAndDemandCounter supply, Learning.Card.ModelCardWriter modelCards,
    PipAdvisor advisor, FairnessReporter fairness)
    : MatchingService.MatchingServiceBase
{
    private static RpcException NotMatchable(string newcomerId) => Errors.FailedPrecondition("NO_CONSENT",
        $"newcomers/{newcomerId}", "the newcomer has not consented to matching or is not active");

    private static RpcException NoPlace(string opportunityId) => Errors.FailedPrecondition("NO_PLACE_LEFT",
        $"opportunities/{opportunityId}", "the opportunity is closed, has ended or has no place left");

    private Timestamp Now() => clock.Now();
}
