using Grpc.Core;

namespace Newcomers.Integration.Tests;

/// <summary>Waits for what travels by event: in one process it is there at once, across processes a little later.</summary>
public static class Eventually
{
    /// <summary>Reads until <paramref name="done"/> holds or 20 s pass; NOT_FOUND (not arrived yet) and UNAVAILABLE (a process restarting) are read again. Anything else fails at once.</summary>
    public static async Task<T> Async<T>(Func<Task<T>> read, Func<T, bool>? done = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                var value = await read();
                if (done is null || done(value) || DateTime.UtcNow > deadline) return value;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.Unavailable && DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(50);
        }
    }
}
