using Microsoft.Extensions.DependencyInjection;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Integration.Tests;

public sealed class OutcomeTrainingTests
{
    [Fact]
    public async Task Recommendations_shown_and_what_became_of_them_train_a_model()
    {
        await using var host = await RunningHost.StartAsync();
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        for (var i = 0; i < 8; i++)
            await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id, capacity: 100) });

        var random = new Random(1);
        for (var i = 0; i < 80; i++)
        {
            var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
            var shown = await host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
            // The caseworker takes one of the suggestions further, more often a near one.
            var pick = shown.Suggestions.OrderBy(s => s.DistanceKm + random.NextDouble()).First();
            var match = await host.Matching.ProposeMatchAsync(new ProposeMatchRequest { NewcomerId = newcomer.Id, OpportunityId = pick.OpportunityId, CaseworkerId = "km" });
            if (i % 3 == 0) continue;
            await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Provider, Accept = true });
            await host.Matching.RespondToMatchAsync(new RespondToMatchRequest { MatchId = match.Id, Party = Party.Newcomer, Accept = true });
            if (i % 3 == 1) continue;
            await host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Started });
            await host.Matching.RecordOutcomeAsync(new RecordOutcomeRequest { MatchId = match.Id, Outcome = Outcome.Completed, HoursCompleted = 40 });
        }

        var stages = new List<TrainModelProgress>();
        using (var call = host.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Outcomes }))
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) stages.Add(call.ResponseStream.Current);

        var version = stages[^1].Model;
        Assert.Equal(TrainingSource.Outcomes, version.Source);
        Assert.Equal(8 * 80, version.TrainingPairs + version.Evaluation.Groups * 8);
        Assert.Equal("held-out outcomes", version.Evaluation.Data);
        Assert.Contains(stages[^1].Stage, new[] { "promoted", "kept" });

        // 53 proposals were answered, all accepted; the 27 still waiting say nothing yet. With one answer only, no acceptance model.
        var acceptance = version.Acceptance;
        Assert.Equal(53, acceptance.TrainingPairs + acceptance.CalibrationPairs + acceptance.TestPairs);
        Assert.False(acceptance.GivesQuality);
        Assert.StartsWith("not trained:", acceptance.Decision);
        Assert.Contains(stages, s => s.Stage == "acceptance" && s.Message.Contains("not trained", StringComparison.Ordinal));
        Assert.False(host.Services.GetRequiredService<IRankerInForce>().Quality.IsProbability);
    }

    [Fact]
    public async Task Training_on_outcomes_before_any_is_recorded_says_how_many_groups_it_has_and_needs()
    {
        await using var host = await RunningHost.StartAsync();
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        for (var i = 0; i < 4; i++)
            await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id, capacity: 100) });
        for (var i = 0; i < 60; i++)
        {
            var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
            Assert.NotEmpty((await host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id })).Suggestions);
        }

        var error = await Expect.Status(Grpc.Core.StatusCode.FailedPrecondition, async () =>
        {
            using var call = host.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Outcomes });
            while (await call.ResponseStream.MoveNext(CancellationToken.None)) { }
        });
        Assert.Contains("0 request groups with an outcome", error.Status.Detail);
        Assert.Contains("at least 50", error.Status.Detail);
        await Expect.Status(Grpc.Core.StatusCode.NotFound, () => host.Matching.GetModelAsync(new GetModelRequest()).ResponseAsync);
    }
}
