using System.Globalization;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// Says a PIP change and what it opens in a sentence a caseworker can repeat to the newcomer, in
/// Dutch with English alongside, as <see cref="ReasonWriter"/> does for reasons: "met Nederlands A2
/// komen er 14 werkplekken bij", "15 in plaats van 10 km reizen: 30 meer", "ook op dinsdagmiddag
/// beschikbaar: 6 meer". The count is of eligible opportunities, and of good ones when there are;
/// a change that only makes pairs better (hours, a skill) counts its good ones.
/// </summary>
public static class GuidanceWriter
{
    private static readonly NumberFormatInfo Dutch = new() { NumberDecimalSeparator = "," };
    private static readonly string[] DaysNl = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"];
    private static readonly string[] DaysEn = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] PartsNl = ["ochtend", "middag", "avond"];
    private static readonly string[] PartsEn = ["morning", "afternoon", "evening"];

    public static (string Nl, string En) Write(ProfileChange change, NewcomerEntry n, OpportunityKind? kind, int eligible, int good)
    {
        var (nounNl, nounEn) = kind switch
        {
            OpportunityKind.WorkPlacement => ("werkplekken", "workplaces"),
            OpportunityKind.Volunteering => ("vrijwilligersplekken", "volunteering places"),
            OpportunityKind.LanguageBuddy => ("taalmaatjes", "language buddies"),
            _ => ("plekken", "places"),
        };
        // The good gain also counts pairs eligible now that the change makes good, so it may exceed the eligible gain.
        var (goodNl, goodEn) = ($"{good} meer goed passend", good == 1 ? "1 more good match" : $"{good} more good matches");
        var (countNl, countEn) = eligible == 0 ? (goodNl, goodEn)
            : good == 0 ? ($"{eligible} meer", $"{eligible} more") : ($"{eligible} meer ({goodNl})", $"{eligible} more ({goodEn})");
        switch (change.Kind)
        {
            case PipChangeKind.DutchLevel:
                var level = Cefr.Name((int)change.Value);
                return eligible > 0
                    ? ($"met Nederlands {level} komen er {eligible} {nounNl} bij" + (good > 0 ? $" ({goodNl})" : ""),
                        $"with Dutch at {level}, {eligible} more {nounEn}" + (good > 0 ? $" ({goodEn})" : ""))
                    : ($"met Nederlands {level}: {countNl}", $"with Dutch at {level}: {countEn}");
            case PipChangeKind.TravelDistance:
                return ($"{Km(change.Value, Dutch)} in plaats van {Km(n.MaxKm, Dutch)} km reizen: {countNl}",
                    $"travelling {Km(change.Value, CultureInfo.InvariantCulture)} instead of {Km(n.MaxKm, CultureInfo.InvariantCulture)} km: {countEn}");
            case PipChangeKind.DayPart:
                var (partNl, partEn) = Part((DayPart)(int)change.Value);
                return ($"ook op {partNl} beschikbaar: {countNl}", $"also available on {partEn}: {countEn}");
            case PipChangeKind.Hours:
                return ($"{change.Value} in plaats van {n.Hours} uur per week: {countNl}", $"{change.Value} instead of {n.Hours} hours a week: {countEn}");
            case PipChangeKind.Skill:
                return ($"met de vaardigheid {change.Skill}: {countNl}", $"with the skill {change.Skill}: {countEn}");
            default:
                throw new ArgumentOutOfRangeException(nameof(change), change.Kind, null);
        }
    }

    /// <summary>A part of the week in words: "dinsdagmiddag", "Tuesday afternoon".</summary>
    public static (string Nl, string En) Part(DayPart part)
    {
        var (day, time) = Math.DivRem((int)part - 1, 3);
        return (DaysNl[day] + PartsNl[time], $"{DaysEn[day]} {PartsEn[time]}");
    }

    private static string Km(double km, IFormatProvider format) => km.ToString("0.#", format);
}
