using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;

namespace Newcomers.Integration.Tests;

/// <summary>
/// The simulator's fairness audit played through the services (<see cref="OutcomeSimulator.AuditSet"/>):
/// sets of four newcomers alike but for gender and region of origin, three more from Oceania of
/// another gender (a group too small to report on either count), placements around them, a ranked
/// list of newcomers for each placement, and staff and providers acting on the lists as the
/// simulator draws it, with or without the planted bias.
/// </summary>
public static class FairnessWorld
{
    public const int Sets = 16;
    public const int Placements = 10;
    public const int SmallGroup = 3;
    public const string DisplayName = "Amina K.";

    public static string Id(int set, int member) => $"fair-{set:00}-{member}";

    public static async Task<(OutcomeSimulator Simulator, Dictionary<string, (int Set, int Member)> Members)> SimulateAsync(RunningHost host, bool biased, int seed = 11,
        int placements = Placements)
    {
        var simulator = new OutcomeSimulator(seed);
        var members = new Dictionary<string, (int Set, int Member)>();
        for (var set = 0; set < Sets; set++)
            for (var member = 0; member < 4; member++)
            {
                // The members of a set live a few metres apart, in a different order in each set, so none is always ranked first.
                var home = new GeoPoint { Latitude = 52.165 + set % 4 * 0.004 + (member + set) % 4 * 0.00005, Longitude = 5.28 + set / 4 * 0.006 };
                await NewcomerAsync(host, Id(set, member), home, OutcomeSimulator.AuditAttributes(Id(set, member), member));
                members[Id(set, member)] = (set, member);
            }
        for (var i = 0; i < SmallGroup; i++)
            await NewcomerAsync(host, $"fair-x-{i}", new GeoPoint { Latitude = 52.17, Longitude = 5.29 + i * 0.001 },
                new ProtectedAttributes { NewcomerId = $"fair-x-{i}", Gender = Gender.Other, CountryOfOrigin = "AU", BirthYear = 1985 });

        await PlacementsAsync(host, simulator, members, biased, 0, placements);
        return (simulator, members);
    }

    /// <summary>Placements numbered from <paramref name="first"/>, each with its ranked list and what staff and providers make of it.</summary>
    public static async Task PlacementsAsync(RunningHost host, OutcomeSimulator simulator, Dictionary<string, (int Set, int Member)> members, bool biased, int first, int placements)
    {
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        for (var j = 0; j < placements; j++)
        {
            var list = $"placement-{first + j}";
            var placement = Build.Placement(provider.Id, capacity: 1000);
            placement.Location = new GeoPoint { Latitude = 52.16 + (first + j) % 5 * 0.006, Longitude = 5.27 + (first + j) / 5 % 4 * 0.012 };
            var opportunity = await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = placement, OpportunityId = list });
            var shown = await host.Matching.RecommendNewcomersAsync(new RecommendNewcomersRequest { OpportunityId = opportunity.Id, Limit = 100 });
            foreach (var suggestion in shown.Suggestions)
            {
                if (!members.TryGetValue(suggestion.NewcomerId, out var who) || !simulator.Proposes(who.Set, list)) continue;
                var match = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest
                {
                    NewcomerId = suggestion.NewcomerId, OpportunityId = opportunity.Id, CaseworkerId = "km", Origin = ProposalOrigin.Suggestion, RequestId = shown.RequestId,
                });
                var accepts = simulator.ProviderAccepts(who.Set, list, OutcomeSimulator.AuditSet[who.Member].Gender, biased);
                await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = accepts, ReasonCode = accepts ? EndReason.Unspecified : EndReason.PlaceUnavailable, Reason = accepts ? "" : "geen plek" });
                if (!accepts) continue;
                await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
                await host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Started });
            }
        }
    }

    private static async Task NewcomerAsync(RunningHost host, string id, GeoPoint home, ProtectedAttributes attributes)
    {
        var newcomer = Build.Newcomer();
        newcomer.Home = home;
        newcomer.DisplayName = DisplayName;
        await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = newcomer, NewcomerId = id });
        await host.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest { Attributes = attributes });
    }

    public static GroupFairness Group(RankerFairness ranker, string dimension, string group) =>
        ranker.Dimensions.Single(d => d.Dimension == dimension).Groups.Single(g => g.Group == group);
}
