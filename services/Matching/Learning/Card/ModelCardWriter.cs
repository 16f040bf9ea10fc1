using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Newcomers.Contracts.V1;

namespace Newcomers.Matching.Learning.Card;

/// <summary>Writes the model card of the ranker in force, each time it is asked: it follows every promotion.</summary>
public sealed class ModelCardWriter(ModelRegistry registry, IOptionsMonitor<ModelCardOptions> options, IFairnessReportSource fairness, TimeProvider clock)
{
    public async Task<ModelCard> WriteAsync(string askedBy, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var model = registry.Current;
        var latest = await fairness.LatestAsync(model?.Name ?? Domain.HeuristicRanker.Name, $"model card asked by {askedBy}", cancellationToken);
        var facts = ModelCardFacts.Of(model, options.CurrentValue, latest, DateOnly.FromDateTime(now.UtcDateTime));
        var card = new ModelCard
        {
            Ranker = facts.Ranker, Sections = { ModelCardSections.Of(facts) }, RegisterJson = AlgorithmRegisterEntry.Json(facts),
            ComputeTime = Timestamp.FromDateTimeOffset(now),
        };
        card.Markdown = $"# Modelkaart: {facts.Deployment.Name}\n\n" + string.Join("\n\n", card.Sections.Select(s => $"## {s.Title}\n\n{s.Body}")) + "\n";
        return card;
    }
}
