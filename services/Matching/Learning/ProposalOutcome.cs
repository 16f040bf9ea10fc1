namespace Newcomers.Matching.Learning;

/// <summary>
/// A proposal of a shown pair whose answer is known: whether it was accepted or better (accepted,
/// started, completed, or ended after acceptance) rather than declined or withdrawn. What the
/// acceptance model learns from; <paramref name="Id"/> tells one proposal shown in several lists apart.
/// </summary>
public sealed record ProposalOutcome(string Id, bool Accepted);
