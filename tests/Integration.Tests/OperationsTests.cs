using System.Diagnostics.Metrics;
using Grpc.Health.V1;
using Newcomers.Contracts.V1;
using Grpc.Reflection.V1Alpha;

namespace Newcomers.Integration.Tests;

public sealed class OperationsTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Recommendations_are_measured_on_the_products_meter()
    {
        var measured = new List<(double Milliseconds, string Ranker)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "Newcomers.Matching") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
        {
            lock (measured) measured.Add((value, tags.ToArray().Single(t => t.Key == "ranker").Value as string ?? ""));
        });
        listener.Start();
        var newcomer = await fixture.Host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        await fixture.Host.Matching.RecommendOpportunitiesAsync(new RecommendOpportunitiesRequest { NewcomerId = newcomer.Id });
        lock (measured) Assert.Contains(measured, m => m.Ranker == "heuristic" && m.Milliseconds >= 0);
    }

    [Fact]
    public async Task Reflection_lists_the_three_services_and_health_says_serving()
    {
        var reflection = new ServerReflection.ServerReflectionClient(fixture.Host.Channel);
        using var call = reflection.ServerReflectionInfo();
        await call.RequestStream.WriteAsync(new ServerReflectionRequest { ListServices = "" });
        await call.RequestStream.CompleteAsync();
        Assert.True(await call.ResponseStream.MoveNext(CancellationToken.None));
        var services = call.ResponseStream.Current.ListServicesResponse.Service.Select(s => s.Name).ToList();
        Assert.Superset(new HashSet<string> { "matching.v1.ProfileService", "matching.v1.OpportunityService", "matching.v1.MatchingService", "grpc.health.v1.Health" }, services.ToHashSet());

        var health = await new Health.HealthClient(fixture.Host.Channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync($"{fixture.Host.HttpAddress}/healthz"));
    }
}
