namespace Newcomers.BuildingBlocks.Api;

/// <summary>A piece of start-up work the process must finish before it is ready (registered with <see cref="ServiceDefaults.AddStartupWork"/>).</summary>
public sealed record StartupWork(string Name);
