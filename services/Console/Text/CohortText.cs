using Newcomers.Contracts.V1;

namespace Newcomers.Console.Text;

/// <summary>A cohort assignment in Dutch words: why someone is left out, and what the quality is.</summary>
public static class CohortText
{
    public static string LeftOut(CohortLeftOut left) => left.Reason switch
    {
        CohortLeftOutReason.NoEligibleOpportunity => left.MostRemovedBy == Constraint.Unspecified
            ? "Geen passend aanbod in de groep."
            : $"Geen passend aanbod in de groep: {Mostly(left.MostRemovedBy)}.",
        CohortLeftOutReason.Outbid => left.EligibleOpportunities == 1
            ? "Eén passend aanbod, maar dat ging naar een ander: geen indeling koppelt meer mensen."
            : $"{left.EligibleOpportunities} passende plekken, maar die gingen naar anderen: geen indeling koppelt meer mensen.",
        CohortLeftOutReason.NotMatchable => "Geen toestemming om te matchen, of niet actief.",
        CohortLeftOutReason.AlreadyMatched => "Heeft al een match van deze soort.",
        _ => "Om een andere reden.",
    };

    /// <summary>What kept most of the group's offers out of reach, as the end of a sentence.</summary>
    private static string Mostly(Constraint constraint) => constraint switch
    {
        Constraint.OpenWithCapacity => "alles is vol of gesloten",
        Constraint.TravelDistance => "de meeste plekken zijn te ver weg",
        Constraint.DutchLevel => "de meeste plekken vragen meer Nederlands",
        Constraint.Availability => "de meeste plekken zijn op andere momenten in de week",
        Constraint.NotDeclinedBefore => "de meeste plekken zijn eerder afgewezen of al voorgesteld",
        Constraint.BuddyPreference => "de meeste taalmaatjes passen niet bij de wensen van een van beiden",
        _ => "om een andere reden",
    };

    /// <summary>What the quality of a pair is: a calibrated chance, or the fixed rules' score.</summary>
    public static string Quality(CohortAssignment a) => a.QualityIsProbability
        ? $"de kans dat de match wordt geaccepteerd, volgens model {a.Quality.Split('/')[0]}"
        : "de score van de vaste regels (op één schaal voor iedereen, maar geen kans)";

    public static string Quality(double value, bool probability) => probability ? Dutch.Percent(value) : Dutch.Number(value, 2);

    /// <summary>"12 van de 14 nieuwkomers".</summary>
    public static string Matched(CohortScore score, int newcomers) => $"{score.Matched} van de {newcomers}";
}
