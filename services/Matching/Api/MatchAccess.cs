using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Matching.Api;

/// <summary>
/// Who may see and do what in the Matching service. Staff (caseworkers; coordinators for language
/// buddies only) act for the newcomers of their municipalities; providers and platforms for the
/// opportunities they manage, and they see newcomers only pseudonymised until the newcomer consents
/// to sharing. A match or newcomer the caller may not see is NOT_FOUND.
/// </summary>
public sealed class MatchAccess(MatchingReadModel model, Pseudonyms pseudonyms)
{
    /// <summary>What the candidate summary may tell a provider (and facts about its own opportunity); exact distance, languages, work history, PIP goals, interests and MAP hours are not among it.</summary>
    public static readonly ReasonKind[] ShownToProviders =
        [ReasonKind.DutchLevel, ReasonKind.Skills, ReasonKind.Availability, ReasonKind.LanguageSupport, ReasonKind.Timing, ReasonKind.PlacesLeft];

    public static bool IsStaff(Caller caller) => caller.Role is Roles.Caseworker or Roles.Coordinator;

    /// <summary>Admins, and staff of the newcomer's municipality (coordinators for buddy pairs only).</summary>
    public bool ActsForNewcomer(Caller caller, string newcomerId, OpportunityKind? kind = null)
    {
        if (caller.IsAdmin) return true;
        var newcomer = model.Newcomer(newcomerId);
        return newcomer is not null && IsStaff(caller) && caller.CoversMunicipality(newcomer.MunicipalityCode)
            && (caller.Role != Roles.Coordinator || kind is null or OpportunityKind.LanguageBuddy);
    }

    /// <summary>Admins, the provider itself, and the platform that represents it.</summary>
    public bool ManagesProvider(Caller caller, string providerId) => caller.ManagesProvider(providerId, model.PlatformOf(providerId));

    public bool Sees(Caller caller, Match match) =>
        ActsForNewcomer(caller, match.NewcomerId, match.Kind) || ManagesProvider(caller, match.ProviderId);

    /// <summary>The match as the caller may see it: providers and platforms get a pseudonym unless the newcomer shares.</summary>
    public Match View(Caller caller, Match match)
    {
        var view = model.Titled(match);
        if (caller.IsAdmin || IsStaff(caller)) return view;
        if (model.Newcomer(match.NewcomerId) is not { SharesWithProviders: true }) view.NewcomerId = Pseudonym(match.NewcomerId);
        // A reason in words is the provider's own only when the provider declined; a code also when it is about the placement.
        if (match.DeclinedBy != Party.Provider) view.Reason = "";
        view.ReasonCode = EndReasons.SeenByProvider(match);
        Hide(view.Reasons);
        return view;
    }

    /// <summary>A suggestion as a provider or platform may see it: no id, no exact distance, only the summary.</summary>
    public NewcomerSuggestion View(Caller caller, NewcomerSuggestion suggestion)
    {
        if (caller.IsAdmin || IsStaff(caller)) return suggestion;
        if (model.Newcomer(suggestion.NewcomerId) is not { } n) return new NewcomerSuggestion { Score = suggestion.Score };
        var view = new NewcomerSuggestion
        {
            Score = suggestion.Score, Reasons = { suggestion.Reasons },
            Candidate = new CandidateSummary
            {
                Pseudonym = Pseudonym(n.Id), DutchLevel = (CefrLevel)(n.Dutch + 1), DistanceBand = Band(suggestion.DistanceKm),
                DayParts = { Enumerable.Range(0, 21).Where(bit => (n.WeekMask >> bit & 1) == 1).Select(bit => (DayPart)(bit + 1)) },
                HoursPerWeek = n.Hours, Skills = { n.Skills.Select(model.Vocabulary.Label) },
            },
        };
        Hide(view.Reasons);
        return view;
    }

    public string Pseudonym(string newcomerId) => pseudonyms.Of("cand-", newcomerId);

    private static string Band(double km) => km switch { < 5 => "0-5 km", < 10 => "5-10 km", < 25 => "10-25 km", _ => "25+ km" };

    private static void Hide(Google.Protobuf.Collections.RepeatedField<Reason> reasons)
    {
        foreach (var hidden in reasons.Where(r => !ShownToProviders.Contains(r.Kind)).ToList()) reasons.Remove(hidden);
    }
}
