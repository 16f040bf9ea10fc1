namespace Newcomers.Matching.Learning.Card;

/// <summary>
/// The extension point for the latest fairness report of a ranker, as the model card shows it.
/// Until a fairness report is wired in, <see cref="NoFairnessReport"/> says that there is none yet.
/// </summary>
public interface IFairnessReportSource
{
    /// <summary>The latest report for the ranker (a model version's id, or the heuristic's name), or null when there is none.</summary>
    FairnessCardSection? Latest(string rankerName);
}

/// <param name="Summary">One or two sentences for the register's risks and the card: what was measured and whether anything was flagged.</param>
/// <param name="Markdown">The report as the card shows it: a section of Markdown without its own heading.</param>
public sealed record FairnessCardSection(string Summary, string Markdown);

/// <summary>No fairness report yet.</summary>
public sealed class NoFairnessReport : IFairnessReportSource
{
    public FairnessCardSection? Latest(string rankerName) => null;
}
