using Newcomers.BuildingBlocks.Auth;

namespace Newcomers.Integration.Tests;

public sealed class ScenarioTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Caseworker_matches_a_newcomer_from_suggestion_to_completed_placement()
    {
        var host = fixture.Host;
        var amina = await Scenario.RunAsync((role, municipalities, providers) => host.As(role, municipalities, providers));
        Assert.Equal(48, (await host.Profiles.GetNewcomerAsync(new() { Id = amina.Id })).MapHoursDone);
    }
}
