using System.Globalization;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// Turns the strongest contributions to a score into two to five sentences a caseworker can
/// repeat to the newcomer, in Dutch with English alongside.
/// </summary>
public static class ReasonWriter
{
    private const int Most = 5;
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = "," };

    public static List<Reason> Write(IReadOnlyList<(ReasonKind Kind, double Contribution)> contributions, in FitFeatures f,
        NewcomerEntry n, OpportunityEntry o, Vocabulary vocabulary)
    {
        var chosen = contributions.Where(c => c.Contribution > 0.004 && Describable(c.Kind, n, o)).OrderByDescending(c => c.Contribution).Take(Most).ToList();
        foreach (var factual in new[] { ReasonKind.Distance, ReasonKind.DutchLevel })
            if (chosen.Count < 2 && chosen.All(c => c.Kind != factual))
                chosen.Add(contributions.First(c => c.Kind == factual));
        var reasons = new List<Reason>(chosen.Count);
        foreach (var (kind, contribution) in chosen)
        {
            var (nl, en) = Text(kind, f, n, o, vocabulary);
            reasons.Add(new Reason { Kind = kind, TextNl = nl, TextEn = en, Contribution = Math.Round(contribution, 4) });
        }
        return reasons;
    }

    /// <summary>A shared language can be named only when there is one (a learned model may credit the feature without).</summary>
    private static bool Describable(ReasonKind kind, NewcomerEntry n, OpportunityEntry o) =>
        kind != ReasonKind.SharedLanguage || Vocabulary.Overlap(n.Languages, o.Languages) > 0;

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
                var level = f.OccupationLevel switch { 4 => ("hetzelfde beroep", "the same occupation"), 3 => ("een verwant beroep", "a related occupation"), _ => ("dezelfde beroepsgroep", "the same occupational group") };
                return ($"ervaring in {level.Item1} (ISCO {o.Occupation:D4})", $"experience in {level.Item2} (ISCO {o.Occupation:D4})");
            case ReasonKind.Skills:
                return ($"heeft {f.SkillOverlap} van de {o.Skills.Length} gevraagde vaardigheden", $"has {f.SkillOverlap} of the {o.Skills.Length} skills asked for");
            case ReasonKind.Availability:
                var (shared, parts) = (Week.Count(n.WeekMask & o.WeekMask), Week.Count(o.WeekMask));
                return ($"beschikbaar op {shared} van de {parts} gevraagde dagdelen, {n.Hours} uur per week", $"available for {shared} of the {parts} parts of the week asked, {n.Hours} hours a week");
            case ReasonKind.PipGoal:
                var (goalNl, goalEn) = o.Kind switch { OpportunityKind.LanguageBuddy => ("een maatje", "a buddy"), OpportunityKind.Volunteering => ("vrijwilligerswerk", "volunteering"), _ => ("werk", "work") };
                return ($"past bij het doel {goalNl} in het PIP", $"fits the PIP goal of {goalEn}");
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
                return f.DaysUntilStart == 0
                    ? ("al begonnen: instromen kan nu", "already running: can join now")
                    : ($"begint over {f.DaysUntilStart} dagen", $"starts in {f.DaysUntilStart} days");
            case ReasonKind.PlacesLeft:
                return f.PlacesLeft == 1 ? ("nog 1 plaats vrij", "1 place left") : ($"nog {f.PlacesLeft} plaatsen vrij", $"{f.PlacesLeft} places left");
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
