namespace Newcomers.TestSupport;

/// <summary>
/// The distributed mode on one machine: a redis-server with its append-only file fsynced on every
/// write, the Dapr sidecar double, and the three services as their own processes, which share a
/// signing key and reach each other through the double (events and service invocation).
/// </summary>
public sealed class DistributedDeployment : IAsyncDisposable
{
    private DistributedDeployment(bool duplicateEvents) => Sidecar = new DaprSidecarDouble { Duplicate = duplicateEvents };

    public RedisServer Redis { get; } = RedisServer.WithAppendOnlyFile();
    public DaprSidecarDouble Sidecar { get; }
    public string SigningKey { get; } = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
    public ServiceUnderTest Profiles { get; private set; } = null!;
    public ServiceUnderTest Opportunities { get; private set; } = null!;
    public ServiceUnderTest Matching { get; private set; } = null!;
    private readonly List<ServiceUnderTest> replicas = [];
    private string[] common = [];

    public static async Task<DistributedDeployment> StartAsync(bool duplicateEvents = false)
    {
        var deployment = new DistributedDeployment(duplicateEvents);
        await deployment.Redis.InitializeAsync();
        await deployment.Sidecar.StartAsync();
        var common = deployment.common = ["--Storage:Kind=redis", $"--Storage:Redis={deployment.Redis.ConnectionString}",
            $"--Dapr:GrpcEndpoint={deployment.Sidecar.Address}", $"--Dapr:AppApiToken={deployment.Sidecar.AppApiToken}", $"--Auth:SigningKey={deployment.SigningKey}"];
        deployment.Profiles = await ServiceUnderTest.StartAsync("Profiles", common);
        deployment.Opportunities = await ServiceUnderTest.StartAsync("Opportunities", common);
        await deployment.Sidecar.SubscribeAppAsync(deployment.Profiles.GrpcAddress, "profiles");
        await deployment.Sidecar.SubscribeAppAsync(deployment.Opportunities.GrpcAddress, "opportunities");
        // No addresses: the matching service reaches the other two through Dapr service invocation.
        deployment.Matching = await ServiceUnderTest.StartAsync("Matching", [.. common, "--Matching:BootstrapModel=false"]);
        await deployment.Sidecar.SubscribeAppAsync(deployment.Matching.GrpcAddress, "matching");
        return deployment;
    }

    /// <summary>Another replica of the matching service: it gets every event too (a consumer of its own).</summary>
    public async Task<ServiceUnderTest> StartMatchingReplicaAsync()
    {
        var replica = await ServiceUnderTest.StartAsync("Matching", [.. common, "--Matching:BootstrapModel=false"]);
        replicas.Add(replica);
        await Sidecar.SubscribeAppAsync(replica.GrpcAddress);
        return replica;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in replicas) await replica.DisposeAsync();
        await Matching.DisposeAsync();
        await Opportunities.DisposeAsync();
        await Profiles.DisposeAsync();
        await Sidecar.DisposeAsync();
        await Redis.DisposeAsync();
    }
}
