namespace Newcomers.Matching.Learning.Card;

/// <summary>The latest fairness report of a ranker, as the model card shows it (<see cref="FairnessCardSource"/>).</summary>
public interface IFairnessReportSource
{
    /// <summary>The report for the ranker (a model version's id, or the heuristic's name) as of now, or null when it never ranked.</summary>
    Task<FairnessCardSection?> LatestAsync(string rankerName, string askedBy, CancellationToken cancellationToken);
}

/// <param name="Summary">One or two sentences for the register's risks and the card: what was measured and whether anything was flagged.</param>
/// <param name="Markdown">The report as the card shows it: a section of Markdown without its own heading.</param>
public sealed record FairnessCardSection(string Summary, string Markdown);
