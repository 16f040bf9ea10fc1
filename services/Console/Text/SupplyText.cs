using Newcomers.Contracts.V1;

namespace Newcomers.Console.Text;

/// <summary>The words of the supply and demand page and its CSV: sectors, counts, and what to recruit.</summary>
public static class SupplyText
{
    /// <summary>The ISCO-08 major groups in Dutch, as CBS names them.</summary>
    public static string Sector(string majorGroup) => majorGroup switch
    {
        "1" => "Leidinggevenden",
        "2" => "Specialisten (hoger opgeleid)",
        "3" => "Technici en vakspecialisten",
        "4" => "Administratief personeel",
        "5" => "Dienstverlening en verkoop",
        "6" => "Landbouw, bosbouw en visserij",
        "7" => "Ambacht, bouw en techniek",
        "8" => "Bediening van machines, assemblage en transport",
        "9" => "Eenvoudig werk (elementaire beroepen)",
        "0" => "Krijgsmacht",
        _ => "Zonder beroep",
    };

    /// <summary>A count of people, or that it is too small to show.</summary>
    public static string People(FigureCount count, int minimum) => Shown(count) ? Dutch.Number(count.Count) : $"minder dan {minimum}";

    public static bool Shown(FigureCount count) => count.ValueCase == FigureCount.ValueOneofCase.Count;

    /// <summary>The count when shown, else 0 (to sort and to draw: a suppressed cell draws no bar).</summary>
    public static int Value(FigureCount count) => Shown(count) ? count.Count : 0;

    public static string Places(int places) => places == 1 ? "1 plek" : $"{Dutch.Number(places)} plekken";

    /// <summary>What the kind is, in a sentence: "een werkplek", "vrijwilligerswerk", "een taalmaatje".</summary>
    public static string Wanting(OpportunityKind kind) => kind switch
    {
        OpportunityKind.WorkPlacement => "een werkplek",
        OpportunityKind.Volunteering => "vrijwilligerswerk",
        _ => "een taalmaatje",
    };

    /// <summary>Who to ask for more of the kind.</summary>
    public static string RecruitAt(OpportunityKind kind) => kind switch
    {
        OpportunityKind.WorkPlacement => "werkgevers van de Ondernemersladder",
        OpportunityKind.Volunteering => "vrijwilligersorganisaties",
        _ => "taalmaatjesprojecten en vrijwilligerscentrales",
    };

    /// <summary>A row's name: the kind, and for work and volunteering the sector.</summary>
    public static string Row(SupplyAndDemandCell cell) =>
        cell.Kind == OpportunityKind.LanguageBuddy ? Labels.Of(cell.Kind) : $"{Labels.Of(cell.Kind)} · {Sector(cell.IscoMajorGroup)}";

    private static string In(SupplyAndDemandCell cell) =>
        cell.Kind == OpportunityKind.LanguageBuddy ? "" : cell.IscoMajorGroup.Length > 0 ? $" in {Sector(cell.IscoMajorGroup).ToLowerInvariant()}" : " zonder vast beroep";

    /// <summary>Where offers lack: "5 nieuwkomers die vrijwilligerswerk zoeken in Dienstverlening en verkoop, hebben geen passende plek."</summary>
    public static string Lacking(SupplyAndDemandCell cell, int minimum) =>
        $"{People(cell.WaitingWithoutPlace, minimum)} nieuwkomers die {Wanting(cell.Kind)} zoeken"
        + In(cell) + $", hebben geen passende plek. Vraag {RecruitAt(cell.Kind)} om aanbod" + (cell.IscoMajorGroup.Length > 0 ? " in deze sector." : ".");

    /// <summary>Where offers go unused: "4 plekken voor een werkplek in administratief personeel passen bij niemand die wacht."</summary>
    public static string Unused(SupplyAndDemandCell cell) =>
        $"{Places(cell.UnusedPlaces)} voor {Wanting(cell.Kind)}"
        + In(cell) + " passen bij niemand die wacht. Bespreek met de aanbieder of taalniveau, dagdelen of plaats anders kunnen.";
}
