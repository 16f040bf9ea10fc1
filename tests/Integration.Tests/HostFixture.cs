namespace Newcomers.Integration.Tests;

/// <summary>One running host shared by the tests of a class.</summary>
public sealed class HostFixture : IAsyncLifetime
{
    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await RunningHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
