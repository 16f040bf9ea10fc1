using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Newcomers.Matching.Learning.Card;

/// <summary>
/// The model card as an entry for the Algoritmeregister: a JSON object in the field names of the
/// Dutch Algorithmic Transparency Standard, filled from the card's facts and texts. What the
/// standard has no field for (the version, features, metrics) is under "model_card".
/// </summary>
public static class AlgorithmRegisterEntry
{
    /// <summary>The fields the register requires; each is filled (with "niet ingesteld" when the configuration lacks it).</summary>
    public static readonly string[] Required =
    [
        "name", "organization", "department", "area", "domain", "description_short", "website", "status", "risk_category", "goal", "impact",
        "proportionality", "decision_making_process", "source_data", "training_data", "methods_and_models", "human_intervention", "risks",
        "legal_basis", "impact_assessment", "competent_authority", "objection_procedure", "contact_email",
    ];

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Json(ModelCardFacts card)
    {
        var d = card.Deployment;
        var e = card.Evaluation;
        var entry = new JsonObject
        {
            ["lang"] = "nl",
            ["name"] = d.Name,
            ["organization"] = Or(d.Organization),
            ["department"] = Or(d.Department),
            ["area"] = Or(d.Area),
            ["domain"] = "immigration and integration",
            ["keywords"] = new JsonArray("work and career", "inburgering", "participatie", "matching", "PIP", "MAP"),
            ["description_short"] = ModelCardFacts.DescriptionShort,
            ["website"] = Or(d.Website),
            ["status"] = "operational",
            ["risk_category"] = "high risk",
            ["goal"] = ModelCardSections.Goal,
            ["impact"] = ModelCardSections.Impact,
            ["proportionality"] = ModelCardSections.Proportionality,
            ["decision_making_process"] = ModelCardSections.DecisionMakingProcess,
            ["source_data"] = ModelCardSections.SourceData,
            ["training_data"] = card.TrainingData,
            ["methods_and_models"] = card.Method,
            ["human_intervention"] = ModelCardSections.HumanIntervention,
            ["risks"] = ModelCardSections.Risks(card),
            ["legal_basis"] = ModelCardSections.LegalBasis,
            ["impact_assessment"] = Or(d.ImpactAssessment),
            ["competent_authority"] = Or(d.CompetentAuthority),
            ["objection_procedure"] = Or(d.ObjectionProcedure),
            ["contact_email"] = Or(d.ContactEmail),
            ["last_change_date"] = (card.Model?.CreateTime?.ToDateTime() is { } trained ? DateOnly.FromDateTime(trained) : card.Today).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["model_card"] = new JsonObject
            {
                ["ranker"] = card.Ranker,
                ["learned"] = card.Learned,
                ["training_source"] = card.Model is null ? "none" : card.Synthetic ? "synthetic (outcome simulator)" : "real outcomes",
                ["training_groups"] = card.Model?.TrainingGroups ?? 0,
                ["training_pairs"] = card.Model?.TrainingPairs ?? 0,
                ["features"] = new JsonArray([.. card.Features.Select(f => (JsonNode)f)]),
                ["never_used"] = new JsonArray([.. ModelCardFacts.NeverUsed.Select(n => (JsonNode)n)]),
                ["metrics"] = e is null ? null : new JsonObject
                {
                    ["data"] = e.Data, ["groups"] = e.Groups,
                    ["model"] = Ndcg(e.Model), ["heuristic"] = Ndcg(e.Heuristic), ["random"] = Ndcg(e.Random),
                },
                // The latest fairness report of the ranker (FairnessCardSource); null while it never ranked.
                ["fairness"] = card.Fairness is { } f ? new JsonObject { ["summary"] = f.Summary, ["markdown"] = f.Markdown } : null,
            },
        };
        return entry.ToJsonString(Indented);
    }

    private static JsonObject? Ndcg(Contracts.V1.RankingMetrics? m) =>
        m is null ? null : new JsonObject { ["ndcg_at_1"] = Math.Round(m.NdcgAt1, 4), ["ndcg_at_3"] = Math.Round(m.NdcgAt3, 4), ["ndcg_at_10"] = Math.Round(m.NdcgAt10, 4) };

    private static string Or(string value) => string.IsNullOrWhiteSpace(value) ? "niet ingesteld" : value;
}
