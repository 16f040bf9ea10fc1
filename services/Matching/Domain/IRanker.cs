using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Domain;

/// <summary>
/// Orders the heuristic's shortlist into the final list and explains each pair: the heuristic
/// itself or a learned model. Candidate generation never calls it per candidate (the heuristic's
/// static score bounds and shortlists there), so one interface call per shortlisted pair is cheap.
/// </summary>
public interface IRanker
{
    /// <summary>As named in responses and impressions: heuristic-v1 or a model id.</summary>
    string Name { get; }

    /// <summary>What kind of ranker it is, for telemetry: "heuristic" or "model".</summary>
    string Family { get; }

    /// <summary>How many candidates the heuristic shortlists for this ranker to order a final list of <paramref name="limit"/>.</summary>
    int Shortlist(int limit, MatchingOptions options);

    /// <summary>The pair's score; higher ranks first.</summary>
    double Score(in FitFeatures features);

    /// <summary>A score as shown, from 0 to 1.</summary>
    double DisplayScore(double score);

    /// <summary>
    /// A pair is good from this display score, as the PIP guidance counts it (docs/ranking.md): for
    /// the heuristic seven tenths of the most a pair can score, for a model an even chance of the raw score.
    /// </summary>
    double GoodScore { get; }

    /// <summary>The heuristic bound under which a pair cannot reach <see cref="GoodScore"/> and is not scored for it.</summary>
    double GoodBound { get; }

    /// <summary>What each reason's subject added to the pair's score.</summary>
    IReadOnlyList<(ReasonKind Kind, double Contribution)> Contributions(in FitFeatures features);
}
