using Microsoft.Extensions.DependencyInjection;
using Newcomers.BuildingBlocks.Events;

namespace Newcomers.Integration.Tests;

/// <summary>A running host whose published events are counted, for the feed tests.</summary>
public sealed class FeedHost : IAsyncLifetime
{
    public EventCounter Events { get; } = new();

    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await RunningHost.StartAsync(null, builder => builder.Services.AddSingleton<IIntegrationEventHandler>(Events));

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
