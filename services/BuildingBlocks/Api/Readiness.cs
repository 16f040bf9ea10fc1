using System.Collections.Concurrent;
using Grpc.Health.V1;
using Grpc.HealthCheck;

namespace Newcomers.BuildingBlocks.Api;

/// <summary>
/// Whether the process is ready to serve: once every piece of start-up work (rebuilding the read
/// model, seeding the demo region) is done. Starting is not a failure, so nothing is logged as
/// unhealthy meanwhile. gRPC health answers NOT_SERVING until ready, then SERVING; over HTTP,
/// /healthz is liveness (200 while the process runs) and /readyz readiness (503 until ready).
/// </summary>
public sealed class Readiness
{
    private readonly ConcurrentDictionary<string, bool> pending = new();
    private readonly HealthServiceImpl health;

    public Readiness(IEnumerable<StartupWork> work, HealthServiceImpl health)
    {
        this.health = health;
        foreach (var w in work) pending[w.Name] = true;
        Publish();
    }

    public bool IsReady => pending.IsEmpty;

    /// <summary>What is still being done, for /readyz.</summary>
    public IReadOnlyCollection<string> Pending => [.. pending.Keys.Order()];

    public void Done(string work)
    {
        pending.TryRemove(work, out _);
        Publish();
    }

    private void Publish() =>
        health.SetStatus("", IsReady ? HealthCheckResponse.Types.ServingStatus.Serving : HealthCheckResponse.Types.ServingStatus.NotServing);
}
