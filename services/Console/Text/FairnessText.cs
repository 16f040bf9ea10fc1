using Newcomers.Contracts.V1;

namespace Newcomers.Console.Text;

/// <summary>The fairness report in Dutch: the groups, the dimensions and the ranker's name.</summary>
public static class FairnessText
{
    public static string Dimension(string dimension) => dimension == "gender" ? "Naar geslacht" : "Naar herkomstregio";

    public static string Group(string group) => group switch
    {
        "female" => "Vrouw",
        "male" => "Man",
        "other" => "Anders",
        "europe" => "Europa",
        "middle_east_north_africa" => "Midden-Oosten en Noord-Afrika",
        "sub_saharan_africa" => "Afrika ten zuiden van de Sahara",
        "asia" => "Azië",
        "americas" => "Amerika",
        "oceania" => "Oceanië",
        _ => "Onbekend",
    };

    public static string Ranker(string ranker) => ranker.StartsWith("heuristic", StringComparison.Ordinal) ? $"Vaste regels ({ranker})" : $"Versie {ranker}";

    /// <summary>The promotion rule's fairness check, in Dutch.</summary>
    public static string Check(PromotionFairness f) => !f.Checked
        ? "Eerlijkheid: te weinig nieuwkomers per groep in de testlijsten om te vergelijken. Niet gecontroleerd; dit houdt de inzet niet tegen."
        : $"Eerlijkheid: de blootstelling van de groep {Group(f.Group).ToLowerInvariant()} is {Dutch.Number(f.NewRatio, 2)} met dit model en " +
          $"{Dutch.Number(f.CurrentRatio, 2)} met wat nu rangschikt" +
          (f.Blocked ? $". Dat is verder van 1 dan de marge van {Dutch.Number(f.Margin, 2)}: daarom niet ingezet." : $" (marge {Dutch.Number(f.Margin, 2)}).");
}
