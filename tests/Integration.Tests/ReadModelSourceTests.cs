using Grpc.Core;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;
using Newcomers.Matching.ReadModel;

namespace Newcomers.Integration.Tests;

public sealed class ReadModelSourceTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Another_service_rebuilds_the_read_model_from_the_streaming_list_rpcs()
    {
        var host = fixture.Host;
        var provider = await host.Opportunities.CreateProviderAsync(new CreateProviderRequest { Provider = Build.Provider() });
        await host.Opportunities.CreateOpportunityAsync(new CreateOpportunityRequest { Opportunity = Build.Placement(provider.Id) });
        var newcomer = await host.Profiles.CreateNewcomerAsync(new CreateNewcomerRequest { Newcomer = Build.Newcomer() });
        using var asService = BearerChannel.For(host.GrpcAddress, host.Token("matching", Roles.Service));
        var source = new GrpcReadModelSource(asService, asService);

        var model = new MatchingReadModel();
        await foreach (var n in source.NewcomersAsync(CancellationToken.None)) model.Apply(n);
        await foreach (var o in source.OpportunitiesAsync(CancellationToken.None)) model.Apply(o);
        await foreach (var p in source.ProvidersAsync(CancellationToken.None)) model.Apply(p);

        Assert.NotNull(model.Newcomer(newcomer.Id));
        Assert.Equal(provider.Id, model.Opportunity((await host.Opportunities.ListOpportunitiesAsync(new ListOpportunitiesRequest { ProviderId = provider.Id })).Opportunities[0].Id)!.ProviderId);

        using var asProvider = BearerChannel.For(host.GrpcAddress, host.Token("p", Roles.Provider, providers: [provider.Id]));
        var denied = await Assert.ThrowsAsync<RpcException>(async () =>
        {
            await foreach (var _ in new GrpcReadModelSource(asProvider, asProvider).NewcomersAsync(CancellationToken.None)) { }
        });
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
