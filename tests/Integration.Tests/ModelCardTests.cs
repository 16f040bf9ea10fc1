using System.Text.Json;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Learning;
using Newcomers.Matching.Learning.Card;
using static Grpc.Core.StatusCode;

namespace Newcomers.Integration.Tests;

/// <summary>The model card and its Algoritmeregister entry, generated from the ranker in force, with the deployment's facts from the configuration.</summary>
public sealed class ModelCardTests
{
    private static readonly string[] Deployment =
    [
        "--ModelCard:Organization=Gemeente Proefstad", "--ModelCard:Department=Werk en Inkomen, team Inburgering", "--ModelCard:Area=Regio Proefstad",
        "--ModelCard:ContactEmail=algoritmes@proefstad.example", "--ModelCard:Website=https://proefstad.example/algoritmes/matching",
        "--ModelCard:ImpactAssessment=DPIA en IAMA, 1 maart 2026",
    ];

    [Fact]
    public async Task The_card_follows_the_promoted_model_with_its_version_features_training_data_and_metrics()
    {
        await using var host = await RunningHost.StartAsync(null, Deployment);
        var before = await host.Matching.GetModelCardAsync(new GetModelCardRequest());
        Assert.Equal("heuristic-v1", before.Ranker);
        Assert.Contains("Niet gemeten", before.Markdown, StringComparison.Ordinal);

        ModelVersion? version = null;
        using (var call = host.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Simulator, Groups = 1500 }))
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) version = call.ResponseStream.Current.Model ?? version;
        Assert.True(version!.Promoted, version.Decision);

        var card = await host.Matching.GetModelCardAsync(new GetModelCardRequest());
        Assert.Equal(version.Id, card.Ranker);
        using var json = JsonDocument.Parse(card.RegisterJson);
        var model = json.RootElement.GetProperty("model_card");
        Assert.Equal(version.Id, model.GetProperty("ranker").GetString());
        Assert.Equal(version.Features, model.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(FeatureVector.Names, model.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal(version.TrainingPairs, model.GetProperty("training_pairs").GetInt32());
        Assert.Equal(version.TrainingGroups, model.GetProperty("training_groups").GetInt32());
        Assert.Equal("synthetic (outcome simulator)", model.GetProperty("training_source").GetString());
        var metrics = model.GetProperty("metrics");
        Assert.Equal(Math.Round(version.Evaluation.Model.NdcgAt10, 4), metrics.GetProperty("model").GetProperty("ndcg_at_10").GetDouble());
        Assert.Equal(Math.Round(version.Evaluation.Heuristic.NdcgAt10, 4), metrics.GetProperty("heuristic").GetProperty("ndcg_at_10").GetDouble());
        Assert.Equal(Math.Round(version.Evaluation.Random.NdcgAt10, 4), metrics.GetProperty("random").GetProperty("ndcg_at_10").GetDouble());
        Assert.Equal(JsonValueKind.Null, model.GetProperty("fairness").ValueKind);
        Assert.Equal(ModelCardFacts.NeverUsed, model.GetProperty("never_used").EnumerateArray().Select(n => n.GetString()));

        // The Markdown says the same: the version, the training size, every feature, the metrics table, and where the fairness report goes.
        Assert.StartsWith("# Modelkaart: ", card.Markdown, StringComparison.Ordinal);
        Assert.Contains(version.Id, card.Markdown, StringComparison.Ordinal);
        Assert.Contains($"Synthetisch: {version.TrainingPairs} paren in {version.TrainingGroups} verzoeken", card.Markdown, StringComparison.Ordinal);
        Assert.All(version.Features, f => Assert.Contains($"- `{f}`", card.Markdown, StringComparison.Ordinal));
        Assert.Contains($"| dit model | {version.Evaluation.Model.NdcgAt1:0.000} |", card.Markdown.Replace(',', '.'), StringComparison.Ordinal);
        Assert.Contains("Er is nog geen eerlijkheidsrapport", card.Markdown, StringComparison.Ordinal);
        Assert.Equal(card.Sections.Select(s => $"## {s.Title}"), card.Markdown.Split('\n').Where(l => l.StartsWith("## ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_register_entry_has_every_required_field_of_the_standard_with_the_configured_facts()
    {
        await using var host = await RunningHost.StartAsync(null, Deployment);
        using var policy = host.As(Roles.Policy, ["GM0342"]);
        var card = await policy.Matching.GetModelCardAsync(new GetModelCardRequest());
        using var json = JsonDocument.Parse(card.RegisterJson);
        var entry = json.RootElement;
        foreach (var field in AlgorithmRegisterEntry.Required)
            Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty(field).GetString()), field);
        Assert.Equal("Gemeente Proefstad", entry.GetProperty("organization").GetString());
        Assert.Equal("Werk en Inkomen, team Inburgering", entry.GetProperty("department").GetString());
        Assert.Equal("Regio Proefstad", entry.GetProperty("area").GetString());
        Assert.Equal("algoritmes@proefstad.example", entry.GetProperty("contact_email").GetString());
        Assert.Equal("https://proefstad.example/algoritmes/matching", entry.GetProperty("website").GetString());
        Assert.Equal("DPIA en IAMA, 1 maart 2026", entry.GetProperty("impact_assessment").GetString());
        Assert.Equal("immigration and integration", entry.GetProperty("domain").GetString());
        Assert.Equal("high risk", entry.GetProperty("risk_category").GetString());
        Assert.InRange(entry.GetProperty("description_short").GetString()!.Length, 1, 150);
        Assert.Contains("Gemeente Proefstad", card.Markdown, StringComparison.Ordinal);

        using var caseworker = host.As(Roles.Caseworker, ["GM0342"]);
        await Expect.Status(PermissionDenied, () => caseworker.Matching.GetModelCardAsync(new GetModelCardRequest()).ResponseAsync);
    }
}
