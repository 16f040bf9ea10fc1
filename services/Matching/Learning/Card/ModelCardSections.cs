using System.Globalization;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Learning.Card;

/// <summary>
/// The model card in sections, in Dutch at B1 where it can be: the same texts fill the Markdown card
/// and the Algoritmeregister entry (<see cref="AlgorithmRegisterEntry"/>). A body is Markdown: short
/// paragraphs, lists of "- " lines, and at most one table.
/// </summary>
public static class ModelCardSections
{
    public const string Goal =
        "Nieuwkomers sneller en beter laten meedoen: met een werkplek, vrijwilligerswerk of een taalmaatje dat past bij hun PIP. "
        + "De ranglijst helpt de klantmanager en de coördinator kiezen uit veel aanbod.";

    public const string Impact =
        "Een nieuwkomer krijgt suggesties die de klantmanager met hem of haar bespreekt. Een plek die laag staat, kan nog steeds worden voorgesteld. "
        + "Niemand wordt door het algoritme uitgesloten van hulp: de harde eisen (toestemming, afstand, taalniveau, dagdelen) zijn vaste regels, geen model.";

    public const string Proportionality =
        "Zonder ranglijst moet een klantmanager honderden plekken met de hand doorzoeken. De ranglijst toont bij elke suggestie de redenen, "
        + "gebruikt geen beschermde kenmerken en beslist niets zelf. De winst (snellere, passender matches) weegt op tegen het risico, dat met menselijke beslissing, uitleg en eerlijkheidsmetingen wordt beperkt.";

    public const string HumanIntervention =
        "Het algoritme doet alleen suggesties. Een klantmanager of coördinator stelt een match voor, en de aanbieder en de nieuwkomer accepteren of weigeren allebei. "
        + "De klantmanager kan ook een plek voorstellen die niet in de lijst staat, met een reden. Elke suggestie toont waarom ze er staat.";

    public const string SourceData =
        "Uit het profiel van de nieuwkomer (met toestemming): taalniveau Nederlands, dagdelen en uren, reisafstand, vaardigheden, beroepen, talen, PIP-doelen, MAP-uren. "
        + "Uit het aanbod: soort, beroep, gevraagd taalniveau, rooster, plaats, vaardigheden, plekken. Voor een getraind model ook: welke suggesties werden getoond en wat ervan werd.";

    public const string LegalBasis =
        "Wet inburgering 2021 (de gemeente biedt het PIP en de MAP aan) en de Participatiewet; de verwerking rust op de wettelijke taak van de gemeente (AVG artikel 6 lid 1 onder e), "
        + "met toestemming van de nieuwkomer voor matching.";

    public const string DecisionMakingProcess =
        "Het Persoonlijk Plan Inburgering en Participatie (PIP) en de Module Arbeidsmarkt en Participatie (MAP): het zoeken van een passende plek bij de doelen van de nieuwkomer.";

    public static string Risks(ModelCardFacts card) =>
        "Hoog risico volgens de EU AI-verordening (bijlage III, punten 4 en 5). Risico's: een model kan groepen minder vaak bovenaan zetten (ook via kenmerken die op afkomst lijken, "
        + "zoals gedeelde talen); het kan leren van oude keuzes van mensen. Maatregelen: beschermde kenmerken zijn nooit een kenmerk van het model; een nieuw model wordt alleen ingezet "
        + "als het beter is dan de vaste regels op gegevens die het niet zag en groepen niet duidelijk minder aandacht geeft dan de huidige rangschikker; elke suggestie heeft redenen; alles wordt gelogd. "
        + (card.Fairness?.Summary ?? "Eerlijkheid: er is nog geen eerlijkheidsrapport voor deze rangschikker.");

    public static List<ModelCardSection> Of(ModelCardFacts card)
    {
        var d = card.Deployment;
        return
        [
            new() { Title = "Samenvatting", Body = ModelCardFacts.DescriptionShort },
            new() { Title = "Wie het gebruikt", Body = string.Join('\n',
                Line("Organisatie", d.Organization), Line("Afdeling", d.Department), Line("Gebied", d.Area), Line("Contact", d.ContactEmail), Line("Meer informatie", d.Website)) },
            new() { Title = "Doel", Body = Goal },
            new() { Title = "Het model", Body = string.Join('\n',
                Line("Rangschikker", card.Ranker), Line("Getraind", card.Model?.CreateTime is { } t ? t.ToDateTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "niet (vaste regels)"),
                Line("Methode", card.Method), Line("Waarom ingezet", card.Model?.Decision ?? "Er is nog geen model dat beter scoort dan de vaste regels.")) },
            new() { Title = "Trainingsdata", Body = card.TrainingData },
            new() { Title = "Hoe goed het rangschikt", Body = Metrics(card.Evaluation) },
            new() { Title = "Kenmerken", Body = $"De {card.Features.Count} kenmerken van elk paar nieuwkomer en plek, in volgorde:\n\n" + string.Join('\n', card.Features.Select(f => $"- `{f}`")) },
            new() { Title = "Wat het nooit gebruikt", Body = "Deze gegevens zijn nooit een kenmerk, ook niet via een omweg. Ze worden alleen met toestemming bewaard, om eerlijkheid te meten:\n\n"
                + string.Join('\n', ModelCardFacts.NeverUsed.Select(n => $"- {n}")) },
            new() { Title = "Eerlijkheid", Body = card.Fairness?.Markdown ?? "Er is nog geen eerlijkheidsrapport voor deze rangschikker. Het laatste rapport verschijnt hier zodra het er is." },
            new() { Title = "Menselijke tussenkomst", Body = HumanIntervention },
            new() { Title = "Risico's", Body = Risks(card) },
            new() { Title = "Grondslag en toezicht", Body = string.Join('\n',
                Line("Wettelijke grondslag", LegalBasis), Line("Impactbeoordeling", Or(d.ImpactAssessment, "nog niet vastgelegd")),
                Line("Toezicht", d.CompetentAuthority), Line("Bezwaar", Or(d.ObjectionProcedure, "via de klantmanager of het contactadres hierboven"))) },
        ];
    }

    /// <summary>NDCG on held-out data: the model, the heuristic and a random order on the same requests.</summary>
    public static string Metrics(ModelEvaluation? e)
    {
        if (e is null) return "Niet gemeten: de vaste regels zijn het uitgangspunt waartegen een model wordt gemeten.";
        static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        return $"Gemeten op {e.Data}, {e.Groups} verzoeken die het model niet zag (NDCG: 1 is de beste volgorde).\n\n"
            + "| volgorde | NDCG@1 | NDCG@3 | NDCG@10 |\n|---|---|---|---|\n"
            + string.Join('\n', new[] { ("dit model", e.Model), ("vaste regels", e.Heuristic), ("willekeurig", e.Random) }
                .Where(x => x.Item2 is not null).Select(x => $"| {x.Item1} | {F(x.Item2.NdcgAt1)} | {F(x.Item2.NdcgAt3)} | {F(x.Item2.NdcgAt10)} |"));
    }

    private static string Line(string label, string value) => $"- **{label}:** {Or(value, "niet ingesteld")}";

    private static string Or(string value, string fallback) => string.IsNullOrWhiteSpace(value) ? fallback : value;
}
