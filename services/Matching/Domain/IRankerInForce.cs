namespace Newcomers.Matching.Domain;

/// <summary>Gives the ranker in force, read once per request so a request ranks with one ranker throughout.</summary>
public interface IRankerInForce
{
    IRanker Ranker { get; }

    /// <summary>The pair quality in force: the promoted model's calibrated acceptance, or the heuristic's score.</summary>
    IPairQuality Quality { get; }
}
