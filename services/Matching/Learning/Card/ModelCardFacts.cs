using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Matching.Learning.Card;

/// <summary>
/// What the model card says, read from the ranker in force: the promoted model's version, its
/// training data, its metrics against the heuristic and a random order, its features, and the latest
/// fairness report (<see cref="IFairnessReportSource"/>); or, while the heuristic ranks, the
/// heuristic's fixed rules. The deployment's own facts come from <see cref="ModelCardOptions"/>.
/// </summary>
public sealed record ModelCardFacts(ModelCardOptions Deployment, string Ranker, ModelVersion? Model, IReadOnlyList<string> Features,
    FairnessCardSection? Fairness, DateOnly Today)
{
    /// <summary>The one list of what a model may never use: protected attributes, and the proxies that would stand in for them.</summary>
    public static readonly string[] NeverUsed =
    [
        "nationaliteit", "land van herkomst", "moedertaal", "religie", "etniciteit", "geslacht", "leeftijd of geboortejaar",
        "naam", "postcode of adres (de woonplek telt alleen als afstand tot de plek)", "verblijfsstatus",
    ];

    /// <summary>At most this long, as the register asks.</summary>
    public const int DescriptionShortLength = 150;

    public const string DescriptionShort =
        "Zet werkplekken, vrijwilligerswerk en taalmaatjes die bij een nieuwkomer passen in volgorde, met redenen. De klantmanager beslist.";

    public bool Learned => Model is not null;

    /// <summary>Simulator outcomes are synthetic; outcomes are what became of real suggestions.</summary>
    public bool Synthetic => Model?.Source == TrainingSource.Simulator;

    public static ModelCardFacts Of(RankingModel? model, ModelCardOptions deployment, FairnessCardSection? fairness, DateOnly today)
    {
        var ranker = model?.Name ?? HeuristicRanker.Name;
        return new ModelCardFacts(deployment, ranker, model?.Version, model is null ? FeatureVector.Names : [.. model.Version.Features],
            fairness, today);
    }

    public string TrainingData => Model is not { } m ? "Geen: de vaste regels (heuristic-v1) zijn niet getraind."
        : Synthetic
            ? $"Synthetisch: {m.TrainingPairs} paren in {m.TrainingGroups} verzoeken uit de gedocumenteerde uitkomstsimulator, zonder gegevens van echte personen."
            : $"Echte uitkomsten: {m.TrainingPairs} getoonde suggesties in {m.TrainingGroups} lijsten, met wat er van elke suggestie werd (voorgesteld, geaccepteerd, gestart, afgerond).";

    public string Method => Learned
        ? "LightGBM LambdaRank (gradient boosted beslisbomen, via ML.NET), getraind op de volgorde van suggesties; de vaste regels maken eerst een shortlist en houden de harde eisen."
        : "Vaste, uitlegbare regels (heuristic-v1): een gewogen som van de kenmerken, na de harde eisen.";

    /// <summary>The figures of the held-out evaluation, or null while the heuristic ranks.</summary>
    public ModelEvaluation? Evaluation => Model?.Evaluation;
}
