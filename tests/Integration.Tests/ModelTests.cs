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

            Assert.Equal(["data", "training", "acceptance", "evaluating", "promoted"], progress.Select(p => p.Stage).Distinct());
            var version = progress[^1].Model;
            Assert.True(version.Promoted, version.Decision);
            Assert.True(version.Evaluation.Model.NdcgAt10 > version.Evaluation.Heuristic.NdcgAt10);
            Assert.Equal(Newcomers.Matching.Learning.FeatureVector.Names, version.Features);
            Assert.Equal(version.Id, (await host.Matching.GetModelAsync(new GetModelRequest())).Id);

            // The next request ranks with the model, without a restart, and still explains itself.
            var after = await host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
            Assert.Equal(version.Id, after.Ranker);
            var suggestion = Assert.Single(after.Suggestions);
            Assert.InRange(suggestion.Reasons.Count, 2, 5);
            Assert.All(suggestion.Reasons, r => Assert.False(string.IsNullOrWhiteSpace(r.TextNl)));

            var evaluation = await host.Matching.EvaluateModelAsync(new EvaluateModelRequest { Source = TrainingSource.Simulator, Groups = 300 });
            Assert.True(evaluation.Model.NdcgAt10 > evaluation.Random.NdcgAt10);

            // A second run, promoted or kept back: every version is listed, newest first, with the one that ranks.
            ModelVersion second = null!;
            using (var call = host.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Simulator, Groups = 300, Seed = 7 }))
                while (await call.ResponseStream.MoveNext(CancellationToken.None)) second = call.ResponseStream.Current.Model ?? second;
            modelId = (await host.Matching.GetModelAsync(new GetModelRequest())).Id;
            var versions = await host.Matching.ListModelVersionsAsync(new ListModelVersionsRequest());
            Assert.Equal([second.Id, version.Id], versions.ModelVersions.Select(v => v.Id));
            Assert.Equal(version, versions.ModelVersions[1]);
            Assert.Equal(modelId, versions.CurrentModelId);
            var page = await host.Matching.ListModelVersionsAsync(new ListModelVersionsRequest { PageSize = 1 });
            Assert.Equal([second.Id], page.ModelVersions.Select(v => v.Id));
            var rest = await host.Matching.ListModelVersionsAsync(new ListModelVersionsRequest { PageSize = 1, PageToken = page.NextPageToken });
            Assert.Equal([version.Id], rest.ModelVersions.Select(v => v.Id));
            Assert.Equal("", rest.NextPageToken);
        }
        await using var restarted = await RunningHost.StartAsync(data);
        Assert.Equal(modelId, (await restarted.Matching.GetModelAsync(new GetModelRequest())).Id);
        Assert.Equal(modelId, (await restarted.Matching.ListModelVersionsAsync(new ListModelVersionsRequest())).CurrentModelId);
    }

    [Fact]
    public async Task One_evaluation_runs_at_a_time_and_one_asked_for_meanwhile_fails_its_precondition()
    {
        await using var host = await RunningHost.StartAsync();
        using (var call = host.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Simulator, Groups = 1500 }))
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
        await host.Matching.GetModelAsync(new GetModelRequest());

        // Asked for at once, the first runs and the others are turned away rather than queued behind it.
        var runs = Enumerable.Range(0, 3).Select(async _ =>
        {
            try
            {
                await host.Matching.EvaluateModelAsync(new EvaluateModelRequest { Source = TrainingSource.Simulator, Groups = 10_000 });
                return StatusCode.OK;
            }
            catch (RpcException error)
            {
                Assert.Contains("in progress", error.Status.Detail, StringComparison.Ordinal);
                return error.StatusCode;
            }
        }).ToList();
        var outcomes = await Task.WhenAll(runs);

        Assert.Equal(1, outcomes.Count(c => c == StatusCode.OK));
        Assert.Equal(2, outcomes.Count(c => c == StatusCode.FailedPrecondition));
        // Once it has ended, the next one runs.
        await host.Matching.EvaluateModelAsync(new EvaluateModelRequest { Source = TrainingSource.Simulator, Groups = 300 });
    }

    [Fact]
    public async Task Newcomers_who_differ_only_in_protected_attributes_and_name_get_the_same_suggestions_from_heuristic_and_model()
    {
        await using var host = await RunningHost.StartAsync();
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        for (var i = 0; i < 6; i++)
        {
            var placement = Build.Placement(provider.Id, capacity: 2);
            placement.Location = new GeoPoint { Latitude = 52.17 + i * 0.01, Longitude = 5.29 + i * 0.005 };
            placement.RequiredDutchLevel = (CefrLevel)(1 + i % 3);
            await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = placement });
        }
        var twins = new List<Newcomer>();
        foreach (var (name, gender, year, country) in new[] { ("Amina Haddad", Gender.Female, 1994, "SY"), ("Oleksandr Koval", Gender.Male, 1971, "UA") })
        {
            var details = Build.Newcomer();
            details.DisplayName = name;
            var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = details });
            await host.Profiles.SetProtectedAttributesAsync(new SetProtectedAttributesRequest { Attributes = new ProtectedAttributes { NewcomerId = newcomer.Id, Gender = gender, BirthYear = year, CountryOfOrigin = country } });
            twins.Add(newcomer);
        }

        async Task<string[]> ShownToAsync(Newcomer n) =>
            [.. (await host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = n.Id })).Suggestions
                .Select(s => $"{s.OpportunityId} {s.Score} {string.Join(" | ", s.Reasons.Select(r => r.TextNl))}")];

        var heuristic = await ShownToAsync(twins[0]);
        Assert.Equal(6, heuristic.Length);
        Assert.Equal(heuristic, await ShownToAsync(twins[1]));

        using (var call = host.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Simulator, Groups = 1000 }))
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
        Assert.NotEqual("heuristic-v1", (await host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = twins[0].Id })).Ranker);
        Assert.Equal(await ShownToAsync(twins[0]), await ShownToAsync(twins[1]));
    }
}
