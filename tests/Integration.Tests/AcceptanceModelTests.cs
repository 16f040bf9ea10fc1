using Microsoft.Extensions.DependencyInjection;
using Newcomers.Contracts.V1;
using Newcomers.Matching.Domain;

namespace Newcomers.Integration.Tests;

public sealed class AcceptanceModelTests
{
    [Fact]
    public async Task A_training_run_reports_its_calibrated_acceptance_model_and_once_promoted_it_is_the_quality_in_force()
    {
        var data = RunningHost.NewDataDirectory();
        ModelVersion version;
        await using (var host = await RunningHost.StartAsync(data))
        {
            var quality = host.Services.GetRequiredService<IRankerInForce>();
            Assert.Same(HeuristicQuality.Instance, quality.Quality);

            var progress = new List<TrainModelProgress>();
            using (var call = host.Matching.TrainModel(new TrainModelRequest { Source = TrainingSource.Simulator, Groups = 1500 }))
                while (await call.ResponseStream.MoveNext(CancellationToken.None)) progress.Add(call.ResponseStream.Current);
            version = progress[^1].Model;
            Assert.True(version.Promoted, version.Decision);
            Assert.Contains(progress, p => p.Stage == "acceptance" && p.Message.Contains("gives the pair quality", StringComparison.Ordinal));

            var acceptance = version.Acceptance;
            Assert.True(acceptance.GivesQuality, acceptance.Decision);
            Assert.Equal(version.Id + "/acceptance", acceptance.Name);
            Assert.Equal("simulator seed 1042", acceptance.Data);
            Assert.Equal(10, acceptance.Reliability.Count);
            Assert.Equal(acceptance.TestPairs, acceptance.Reliability.Sum(b => b.Pairs));
            Assert.All(acceptance.Reliability, b => Assert.InRange(b.ObservedRate, 0, 1));
            // Calibrated on outcomes neither the trees nor the calibrator saw: about 4,900 test proposals, where sampling noise
            // alone gives an ECE near 0.012; and better than the base rate for everyone.
            Assert.InRange(acceptance.TestPairs, 3000, 10_000);
            Assert.True(acceptance.ExpectedCalibrationError <= 0.05, acceptance.Decision);
            Assert.True(acceptance.Brier < acceptance.BaseRateBrier, acceptance.Decision);
            Assert.True(acceptance.LogLoss < -(acceptance.BaseRate * Math.Log(acceptance.BaseRate) + (1 - acceptance.BaseRate) * Math.Log(1 - acceptance.BaseRate)));

            // The version as listed carries the same figures, through a real gRPC call.
            var listed = (await host.Matching.ListModelVersionsAsync(new ListModelVersionsRequest())).ModelVersions.Single(v => v.Id == version.Id);
            Assert.Equal(acceptance, listed.Acceptance);
            Assert.Equal(acceptance, (await host.Matching.GetModelAsync(new GetModelRequest())).Acceptance);

            Assert.True(quality.Quality.IsProbability);
            Assert.Equal(acceptance.Name, quality.Quality.Name);
        }

        // After a restart the promoted version is loaded with its acceptance model.
        await using var restarted = await RunningHost.StartAsync(data);
        var after = restarted.Services.GetRequiredService<IRankerInForce>().Quality;
        Assert.True(after.IsProbability);
        Assert.Equal(version.Id + "/acceptance", after.Name);
    }
}
