namespace Newcomers.Integration.Tests;

/// <summary>A running host whose postcode table was loaded by the load-postcodes command: Soest (3762, 3763), Baarn (3741) and Amsterdam (1011).</summary>
public sealed class PostcodeHost : IAsyncLifetime
{
    public RunningHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var data = RunningHost.NewDataDirectory();
        var file = PostcodeFiles.With("3762;GM0342;Soest;52,1850;5,2690", "3763;GM0342;Soest;52,1620;5,3100", "3741;GM0308;Baarn;52,2120;5,2880",
            "1011;GM0363;Amsterdam;52,3730;4,9030");
        var (exit, _, errors) = await PostcodeFiles.LoadAsync(file, $"--Storage:DataDirectory={data}");
        Assert.True(exit == 0, errors);
        Host = await RunningHost.StartAsync(data);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
