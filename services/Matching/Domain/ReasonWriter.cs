using System.Globalization;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// Turns the strongest contributions to a score into two to five sentences a caseworker can
/// repeat to the newcomer, in Dutch with English alongside. A contribution becomes a reason only
/// when its sentence is true of this pair and speaks for it: a ranker may credit a feature in a way
/// no true sentence explains (a missing overlap, say), and then nothing is written. The distance and
/// the Dutch level fill up to two as facts; such a fact that speaks against the pair (a Dutch level
/// under the one asked without support on the floor, or one the ranker counts against it) is written
/// as a consideration ("let op: …") with its contribution, after the reasons, never as a reason.
/// </summary>
public static class ReasonWriter
{
    private const int Most = 5;
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = "," };

    public static List<Reason> Write(IReadOnlyList<(ReasonKind Kind, double Contribution)> contributions, in FitFeatures f,
        NewcomerEntry n, OpportunityEntry o, Vocabulary vocabulary)
    {
        var facts = f;
        var chosen = contributions.Where(c => c.Contribution > 0.004 && SpeaksFor(c.Kind, facts, n, o)).OrderByDescending(c => c.Contribution).Take(Most).ToList();
        foreach (var factual in new[] { ReasonKind.Distance, ReasonKind.DutchLevel })
            if (chosen.Count < 2 && chosen.All(c => c.Kind != factual))
                chosen.Add(contributions.First(c => c.Kind == factual));
        var reasons = new List<Reason>(chosen.Count);
        foreach (var (kind, contribution) in chosen)
        {
            var (nl, en) = Text(kind, f, n, o, vocabulary);
            // A reason is true and counted for the pair; anything else that is shown is a consideration, with its sign.
            if (contribution <= 0 || !SpeaksFor(kind, f, n, o)) (nl, en) = ($"let op: {nl}", $"note: {en}");
            reasons.Add(new Reason { Kind = kind, TextNl = nl, TextEn = en, Contribution = Math.Round(contribution, 4) });
        }
        // Considerations come after the reasons.
        return [.. reasons.OrderBy(r => r.TextNl.StartsWith("let op:", StringComparison.Ordinal))];
    }

    /// <summary>Whether the reason's sentence is true of the pair and speaks for it.</summary>
    public static bool SpeaksFor(ReasonKind kind, in FitFeatures f, NewcomerEntry n, OpportunityEntry o) => kind switch
    {
        ReasonKind.Distance or ReasonKind.Availability or ReasonKind.Timing => true,
        ReasonKind.DutchLevel => f.DutchGap >= 0 || f.LanguageSupport,
        ReasonKind.SharedLanguage => Vocabulary.Overlap(n.Languages, o.Languages) > 0,
        ReasonKind.Occupation => f.OccupationLevel > 0,
        ReasonKind.Skills => f.SkillOverlap > 0,
        ReasonKind.PipGoal => f.GoalFit > 0,
        ReasonKind.Interests => f.InterestOverlap > 0 || f.FamilyBuddyFit,
        ReasonKind.MapHours => f.MapNeed > 0 && o.CountsTowardsMap,
        ReasonKind.PlacesLeft => f.PlacesLeft > 0,
        _ => false,
    };

    private static (string Nl, string En) Text(ReasonKind kind, in FitFeatures f, NewcomerEntry n, OpportunityEntry o, Vocabulary vocabulary)
    {
        var (placeNl, placeEn) = o.Kind switch
        {
            OpportunityKind.LanguageBuddy => ("het taalmaatje", "the language buddy"),
            OpportunityKind.Volunteering => ("het vrijwilligerswerk", "the volunteering"),
            _ => ("de werkplek", "the workplace"),
        };
        switch (kind)
        {
            case ReasonKind.Distance:
                return ($"woont {f.DistanceKm.ToString("0.0", Dutch)} km van {placeNl}",
                    $"lives {f.DistanceKm.ToString("0.0", CultureInfo.InvariantCulture)} km from {placeEn}");
            case ReasonKind.DutchLevel:
                var (has, asked) = (Cefr.Name(n.Dutch), Cefr.Name(o.RequiredDutch));
                return f.DutchGap >= 0 || !f.LanguageSupport
                    ? ($"Nederlands {has}, gevraagd {asked}", $"Dutch {has}, required {asked}")
                    : ($"Nederlands {has}, gevraagd {asked}, met taalondersteuning op de werkvloer", $"Dutch {has}, required {asked}, with language support at work");
            case ReasonKind.Occupation:
                // Each ISCO-08 level in words true of it, with the group both share.
                return f.OccupationLevel switch
                {
                    4 => ($"ervaring in hetzelfde beroep (ISCO {o.Occupation:D4})", $"experience in the same occupation (ISCO {o.Occupation:D4})"),
                    3 => ($"ervaring in een verwant beroep, in dezelfde beroepsgroep (ISCO {o.Occupation / 10:D3})",
                        $"experience in a related occupation, in the same minor group (ISCO {o.Occupation / 10:D3})"),
                    2 => ($"werkte in hetzelfde soort werk (ISCO-subhoofdgroep {o.Occupation / 100:D2})", $"worked in the same kind of work (ISCO sub-major group {o.Occupation / 100:D2})"),
                    _ => ($"werkte in hetzelfde brede werkveld (ISCO-hoofdgroep {o.Occupation / 1000})", $"worked in the same broad field of work (ISCO major group {o.Occupation / 1000})"),
                };
            case ReasonKind.Skills:
                return ($"heeft {f.SkillOverlap} van de {o.Skills.Length} gevraagde vaardigheden", $"has {f.SkillOverlap} of the {o.Skills.Length} skills asked for");
            case ReasonKind.Availability:
                var (shared, parts) = (Week.Count(n.WeekMask & o.WeekMask), Week.Count(o.WeekMask));
                // The hours with what is asked: wanting more than the place offers is not the same as wanting fewer.
                return ($"beschikbaar op {shared} van de {parts} gevraagde dagdelen, {n.Hours} uur per week (gevraagd {o.Hours})",
                    $"available for {shared} of the {parts} parts of the week asked, {n.Hours} hours a week ({o.Hours} asked)");
            case ReasonKind.PipGoal:
                // The newcomer's own goal, in words: directly served ("past bij"), or a step towards it ("sluit aan bij").
                var (goalNl, goalEn) = Goals.Strongest(n.PipGoals, o.Kind) switch
                {
                    PipGoal.Buddy => ("een maatje", "a buddy"), PipGoal.Volunteering => ("vrijwilligerswerk", "volunteering"),
                    PipGoal.Entrepreneurship => ("ondernemen", "entrepreneurship"), PipGoal.Education => ("onderwijs", "education"), _ => ("werk", "work"),
                };
                return f.GoalFit >= 1
                    ? ($"past bij het doel {goalNl} in het PIP", $"fits the PIP goal of {goalEn}")
                    : ($"sluit aan bij het doel {goalNl} in het PIP", $"leads towards the PIP goal of {goalEn}");
            case ReasonKind.SharedLanguage:
                var code = vocabulary.Label(Vocabulary.Shared(n.Languages, o.Languages).First());
                return o.Kind == OpportunityKind.LanguageBuddy
                    ? ($"spreekt {Languages.Dutch(code)}, net als het taalmaatje", $"speaks {Languages.English(code)}, like the language buddy")
                    : ($"spreekt {Languages.Dutch(code)}, handig op {placeNl}", $"speaks {Languages.English(code)}, useful at {placeEn}");
            case ReasonKind.Interests:
                var interests = string.Join(", ", Vocabulary.Shared(n.Interests, o.Interests).Take(3).Select(vocabulary.Label));
                return interests.Length == 0
                    ? ("het taalmaatje wil ook gezinsmaatje zijn", "the buddy is willing to be a family buddy")
                    : ($"deelt interesses: {interests}", $"shares interests: {interests}");
            case ReasonKind.MapHours:
                var needed = Math.Ceiling(FeatureExtractor.MapHoursRequired - n.MapHoursDone);
                return ($"telt mee voor de MAP (nog {needed} uur nodig)", $"counts towards the MAP ({needed} hours still needed)");
            case ReasonKind.Timing:
                return f.DaysUntilStart > 0 ? ($"begint over {f.DaysUntilStart} dagen", $"starts in {f.DaysUntilStart} days")
                    : o.Start is null ? ("kan meteen beginnen", "can start right away")
                    : ("al begonnen: instromen kan nu", "already running: can join now");
            case ReasonKind.PlacesLeft:
                return f.PlacesLeft == 1 ? ("nog 1 plaats vrij", "1 place left") : ($"nog {f.PlacesLeft} plaatsen vrij", $"{f.PlacesLeft} places left");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
