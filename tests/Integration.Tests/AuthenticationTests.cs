using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Newcomers.BuildingBlocks.Auth;
using Newcomers.Contracts.V1;

namespace Newcomers.Integration.Tests;

public sealed class AuthenticationTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Every_rpc_needs_a_valid_token_but_health_does_not()
    {
        using var anonymous = GrpcChannel.ForAddress($"http://{fixture.Host.GrpcAddress.Replace("http://", "", StringComparison.Ordinal)}");
        await Expect.Status(StatusCode.Unauthenticated, () => new ProfileService.ProfileServiceClient(anonymous).GetNewcomerAsync(new GetNewcomerRequest { Id = "x" }).ResponseAsync);
        await Expect.Status(StatusCode.Unauthenticated, () => new MatchingService.MatchingServiceClient(anonymous).GetModelAsync(new GetModelRequest()).ResponseAsync);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, (await new Health.HealthClient(anonymous).CheckAsync(new HealthCheckRequest())).Status);

        var forged = LocalTokens.Mint(new AuthOptions { SigningKey = Convert.ToBase64String(new byte[32]) }, "mallory", Roles.Admin);
        using var forgedChannel = BearerChannel.For(fixture.Host.GrpcAddress, forged);
        await Expect.Status(StatusCode.Unauthenticated, () => new OpportunityService.OpportunityServiceClient(forgedChannel).ListProvidersAsync(new ListProvidersRequest()).ResponseAsync);
    }
}
