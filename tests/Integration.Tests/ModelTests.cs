using Grpc.Core;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

public sealed class ModelTests
{
    [Fact]
    public async Task A_trained_model_is_promoted_ranks_at_once_and_survives_a_restart()
    {
        var data = RunningHost.NewDataDirectory();
        string modelId;
        await using (var host = await RunningHost.StartAsync(data))
        {
            await Expect.Status(StatusCode.NotFound, () => host.Matching.GetModelAsync(new GetModelRequest()).ResponseAsync);
            var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
            var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
            await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
            var before = await host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
            Assert.Equal("heuristic-v1", before.Ranker);

            var progress = new List<TrainModelProgress>();
            using (var call = host.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Simulator, Groups = 1500 }))
                while (await call.ResponseStream.MoveNext(CancellationToken.None)) progress.Add(call.ResponseStream.Current);

            Assert.Equal(["data", "training", "evaluating", "promoted"], progress.Select(p => p.Stage).Distinct());
            var version = progress[^1].Model;
            Assert.True(version.Promoted, version.Decision);
            Assert.True(version.Evaluation.Model.NdcgAt10 > version.Evaluation.Heuristic.NdcgAt10);
            Assert.Equal(19, version.Features.Count);
            Assert.Equal(version.Id, (await host.Matching.GetModelAsync(new GetModelRequest())).Id);

            // The next request ranks with the model, without a restart, and still explains itself.
            var after = await host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
            Assert.Equal(version.Id, after.Ranker);
            var suggestion = Assert.Single(after.Suggestions);
            Assert.InRange(suggestion.Reasons.Count, 2, 5);
            Assert.All(suggestion.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.TextNl)));

            var evaluation = await host.Matching.EvaluateModelAsync(new EvaluateModelRequest { Source = TrainingSource.Simulator, Groups = 300 });
            Assert.True(evaluation.Model.NdcgAt10 > evaluation.Random.NdcgAt10);
            modelId = version.Id;
        }
        await using var restarted = await RunningHost.StartAsync(data);
        Assert.Equal(modelId, (await restarted.Matching.GetModelAsync(new GetModelRequest())).Id);
    }
}
